# 单位得分预览（kaohe preview）：终端文字、preview.html、preview.pdf 与假设测算的说明。

## 终端文字

preview-text-what-if = 假设：{ $label }
preview-text-official = 正式结果  总分 { $total }  等次 { $grade }  名次 { $rank } / { $size }
preview-text-assumed = 假设结果  总分 { $total }  等次 { $grade }  名次 { $rank } / { $size }（{ $change }）
preview-text-no-change = 得分明细没有变化
preview-text-aggregates = { $group }（{ $size } 个单位）：平均分 { $mean }，中位数 { $median }，最高分 { $top }
preview-text-withheld = { $group }（{ $size } 个单位）：不足 { $min } 个单位，不公布同组汇总值

## preview.html 与 preview.pdf

preview-html-lang = zh-CN
preview-title = { $agency }（{ $id }）得分预览
preview-subtitle = { $scheme } · { $group } · 依据 { $basis }
# 节标题：「一、结果」。
preview-pdf-heading = { $n ->
    [1] 一
    [2] 二
    [3] 三
   *[4] 四
}、{ $title }
preview-result = 结果
preview-veto = 一票否决：{ $veto }（{ $source }）
preview-lost-heading = 失分项（按失分从多到少）
preview-lost = 失分项
preview-lost-note = “整改最多可挽回”为该项本身的分值；受扣分上限和折算影响，实际挽回可能更少，可用 what-if（--drop-finding、--assume-rectified）精确测算。
preview-no-loss = 没有扣分项。
preview-group-heading = 同组比较
preview-ledger-heading = 得分明细（每一分的来源）
preview-ledger = 得分明细
preview-footer = kaohe { $version } · 规则 { $scheme }
preview-demoted = （因等次比例限制下调）
preview-to-next-grade = 差 { $points } 分达到{ $grade }
preview-top-grade = 已是最高等次
preview-to-next-rank = 差 { $points } 分升一名
preview-first = 已是组内第一
preview-what-if-heading = 假设：{ $label }
preview-compare = 正式结果与假设结果
preview-official = 正式结果
preview-assumed = 假设结果
preview-removed = 不再计入的明细
preview-added = 新增的明细
preview-removed-intro = 不再计入的明细：
preview-added-intro = 新增的明细：
preview-aggregates = 同组汇总（仅汇总值）
preview-aggregates-withheld = 本组不足{ $min }个单位，不公布汇总值。
preview-chart-heading = 各维度得分率与同组比较
preview-chart-caption = { $agency }各维度得分率与同组比较
preview-dimensions = 各维度
preview-not-applicable = 不适用
preview-col-total = 总分
preview-col-grade = 等次
preview-col-rank = 组内排名
preview-col-rank-short = 排名
preview-col-next-grade = 距下一等次
preview-col-next-rank = 距上一名次
preview-col-lost = 失分
preview-col-rule = 规则
preview-col-finding = 问题与依据
preview-col-source = 来源
preview-col-recoverable = 整改最多可挽回
preview-col-group = 组
preview-col-size = 单位数
preview-col-mean = 平均分
preview-col-median = 中位数
preview-col-top = 最高分
preview-col-dimension = 维度
preview-col-points = 得分
preview-col-max = 适用满分
preview-col-rate = 得分率
preview-col-group-rate = 同组平均得分率
preview-col-group-range = 同组范围
preview-col-value = 分值
preview-col-detail = 说明

## 假设测算（--drop-finding、--assume-rectified、--with）

preview-without-findings = 去掉问题 { $ids }
preview-rectified = 假设 { $ids } 已整改
preview-with-rows = 加入 { $file } 中的行
preview-parts-sep = ；
preview-if-appeals-won = 假如 { $ids } 的待决申诉全部成立
preview-finding-not-own = 问题 `{ $id }` 不是单位 `{ $agency }` 的问题
preview-no-such-finding = --drop-finding { $id }：没有编号为此的问题
preview-lookback-not-own = 回头看问题 `{ $id }` 不是单位 `{ $agency }` 的
preview-no-such-lookback = --assume-rectified { $id }：没有编号为此的回头看问题（上年的问题）；本年的问题请用 --drop-finding 去掉
preview-row-not-own = { $source }：这一行属于单位 `{ $other }`：假设测算只能改动单位 `{ $agency }` 自己的行
preview-appeal-no-finding = { $source }：没有编号为 `{ $id }` 的问题
preview-no-agency = 没有单位代码为 `{ $id }` 的单位
preview-no-agency-hint = 没有单位代码为 `{ $id }` 的单位：是否要找 { $hint }？
preview-folder-clash = 导出文件夹重名：单位 `{ $other }` 与 `{ $agency }` 的文件夹名都是 `{ $folder }`（文件名中不能用的字符替换为 _，不区分大小写）；请给其中一个单位换一个代码
