# 输出：rankings.csv 的列名与取值，终端摘要。
# rankings.csv 的固定列（英文版为程序读取的列键）。
output-column =
    .group = 类别
    .rank = 名次
    .agency-id = 单位代码
    .agency = 单位名称
    .total = 总分
    .grade = 等次
    .applicable-max = 适用满分
    .rescale = 折算
    .bonus = 加分
    .penalty = 扣分
    .lookback = 回头看
    .adjustment = 调整
    .veto = 否决
    .demoted-by-quota = 名额降档
    .appeals-changed = 申诉改分
    .appeals-pending = 申诉待决
output-yes = 是
output-no = 否
# 终端：各输入文件的行数核对。
output-inputs-heading = 输入文件（读入行数 = 使用 + 拒收）：
output-inputs-absent = 缺少（--allow-missing，按无数据计分）：{ $kinds }
# 并列的几项之间的分隔符。
output-list-separator = ，
# `kaohe score` 的摘要：方案名称和单位数。
output-summary-title = { $title } — 共 { $count } 个单位
# 每个类别一行：名称（代码，单位数）：各等次人数。
output-summary-group = { $name }（{ $id }，{ $count } 个单位）：{ $grades }
output-summary-veto = 否决：{ $name }
# `kaohe explain`：一个单位的得分明细。
output-explain-standing = 总分 { $total }  等次 { $grade }  名次 { $rank }/{ $size }
output-explain-demoted = （因等次名额限制降档）
output-explain-section = { $title }：{ $points }
output-explain-dimension = { $id } { $name }（适用满分 { $max }）
output-explain-rescale = 折算
output-explain-bonus = 加分
output-explain-penalty = 扣分
output-explain-lookback = 回头看
output-explain-adjustment = 调整（否决、保底、舍入）
output-explain-veto = 否决：{ $name }（{ $rule }），依据 { $source }
