# 读入输入文件，并按考核方案核对每一行（src/input）。

## 列举与零碎用语。
input-list-separator = 、
input-and = 和
input-id-and-name = { $id }（{ $name }）
input-key-and-header = { $header }（{ $key }）
input-did-you-mean = （是否指 { $names }？）
input-did-you-mean-file = 是否指 { $name }？
input-also-on = ；另有 { $count } 行相同：{ $rows }

## 数据目录。
input-both-files = { $dir } 中同时有 { $files }：每类输入只应有一个文件
input-ignore-not-file = 不是普通文件：应为列出不读文件名的文本文件
input-lock-file = 这是 Excel 的锁定文件：{ $original } 正在 Excel 中打开（请先保存并关闭），或把该文件名写入 { $ignore } 以跳过
input-unknown-file = 不是 kaohe 读取的文件：{ $guess }数据目录中只应有输入文件（{ $kinds }，扩展名 .csv、.xlsx 或 .xls）、{ $others }，或把该文件名写入 { $ignore } 以跳过
input-unreadable-entry = 无法读取（{ $error }）：应为可读的文件
input-not-regular = 是{ $what }，不是普通文件：应为数据表文件
input-file-type = { $what ->
    [fifo] 命名管道（FIFO）
    [device] 设备
    [socket] 套接字
    [folder] 文件夹
   *[other] 其他特殊文件
  }
input-kind-absent = 数据目录中没有 { $kind }.csv 或 { $kind }.xlsx，但考核方案有读取 { $kind } 的指标：请提供该文件（没有数据时只保留表头行），或用 --allow-missing { $kind } 按无数据计分
input-no-data-dir = 数据目录 { $dir } 不存在
input-no-agencies = { $dir } 中没有 agencies.csv 或 agencies.xlsx：应提供被考核单位名单（单位代码、单位名称、类别、上级单位）
input-unknown-kind-file = { $file }：无法从文件名判断内容：应为 { $files } 之一

## 列。
input-unknown-column = 第 { $number } 列“{ $header }”不是可识别的列名{ $hint }：应为 { $expected } 之一
input-column-twice = “{ $first }”与“{ $header }”两列都表示 { $key }：每项只应有一列
input-missing-column = 缺少“{ $header }”（{ $key }）列：表头为 { $has }

## 单元格。
input-empty-cell = “{ $column }”为空：应填写内容
input-number-empty = 为空：应为数字
input-number-comma = “{ $value }”含逗号：数字不应带千位分隔符或小数逗号，例如 1234 或 92.5
input-not-a-number = “{ $value }”不是数字：应如 92.5
input-count-comma = “{ $value }”含逗号：应为不带千位分隔符的非负整数
input-not-a-count = “{ $value }”不是数量：应为非负整数
input-count-negative = 数量 { $value } 为负数：应为非负整数
input-count-not-whole = 数量 { $value } 不是整数：应为非负整数
input-count-too-large = 数量 { $value } 过大：最多为 { $max }
input-date-empty = 为空：应为日期，如 2022-11-30、2022/11/30 或 2022年11月30日
input-invalid-date = “{ $value }”不是有效日期：应为日期，如 2022-11-30、2022/11/30 或 2022年11月30日
input-not-a-date = “{ $value }”不是日期：应为日期，如 2022-11-30、2022/11/30 或 2022年11月30日
input-not-a-flag = “{ $value }”：应为 是 或 否
input-unknown-rectification = 未知的整改情况“{ $status }”：应为 已整改、逾期整改、部分整改 或 未整改（rectified/late/partial/not_rectified）
input-status-with-date = 完成情况为 { $status }，却填写了完成日期：二者只能填其一
input-unknown-task-status = 未知的完成情况“{ $status }”：应为 已完成、未完成 或 不适用（done/not_done/not_applicable）
input-partly-needs-points = “{ $value }”：部分撤销的问题须填写核定扣分（≥ 0）
input-negative-points = 核定扣分 { $value } 为负数：应为该问题现在的扣分（≥ 0）
input-unknown-decision = 未知的复核结论“{ $decision }”：应为 维持、撤销、部分撤销 或 待复核（upheld/overturned/partly/pending）
input-points-not-partly = 填写了核定扣分，但复核结论不是部分撤销：只有部分撤销的问题才填核定扣分

## 复核。
input-appeal-no-finding = 没有编号为“{ $finding }”的问题：应为问题清单中某一行的编号{ $hint }
input-appeal-twice = 问题“{ $finding }”已有复核结论（{ $first }）：每个问题只能有一条复核结论
input-appeal-upheld = 复核维持
input-appeal-overturned = 复核撤销
input-appeal-partly = 复核部分撤销：现扣 { $points } 分
input-appeal-pending = 复核中
input-appeal-cite = { $what }（{ $source }）{ $note }
input-appeal-note = ：{ $note }

## 名称换成代码。
input-ambiguous-group = “{ $value }”是多个类别的名称：{ $ids }：请填写其中一个的代码
input-ambiguous-agency = “{ $value }”是多个单位的名称：{ $ids }：请填写单位代码
input-ambiguous-kind = “{ $value }”是多个问题类型的名称：{ $ids }：请填写其中一个的代码
input-ambiguous-item = “{ $value }”是多个指标的名称：{ $ids }：请填写其中一个的代码
input-ambiguous-bonus = “{ $value }”是多个加分项的名称：{ $ids }：请填写其中一个的代码

## 按考核方案核对各行。
input-agency-twice = 单位代码“{ $id }”重复（首次出现在 { $first }）：单位代码应唯一
input-agency-scientific = 单位代码“{ $id }”是 Excel 把 { $number } 显示成的科学计数法：应以文本形式填写代码（在 Excel 中把该列设为文本后重新输入；长代码作为数字会丢失位数）
input-no-agency-rows = 没有被考核单位：单位表至少应有一行
input-unknown-group = 单位“{ $agency }”的类别“{ $group }”未在考核方案中定义{ $hint }：应为 { $expected } 之一{ $agencies ->
    [1] { $rows ->
        [0] {""}
       *[other] ；该单位在其他表中的 { $rows } 行在改正前不做核对
      }
   *[other] ；共有 { $agencies } 个单位填了这个类别，它们在其他表中的 { $rows } 行在改正前不做核对
  }
input-rule-names-agency = 指标“{ $indicator }”列出的单位“{ $agency }”不在单位表中{ $hint }
input-bonus-names-agency = 加分项“{ $bonus }”列出的单位“{ $agency }”不在单位表中{ $hint }
input-unknown-agency-scientific = 未知单位“{ $agency }”，这是 Excel 把 { $number } 显示成的科学计数法{ $known ->
    [yes] （单位表中有此代码）
   *[no] {""}
  }：应以文本形式填写代码（在 Excel 中把该列设为文本后重新输入；长代码作为数字会丢失位数）
input-unknown-agency = 未知单位“{ $agency }”：应为单位表中的单位代码或唯一的单位名称{ $hint }
input-finding-id-twice = 问题编号“{ $id }”重复（首次出现在 { $first }）：编号应唯一，以免同一问题重复扣分
input-finding-row-twice = 与 { $first } 完全相同的问题（各项相同，且无编号）：每个问题只应记一次（请为每行编号，或合为一行并填数量 2）
input-award-id-twice = 加分编号“{ $id }”重复（首次出现在 { $first }）：编号应唯一，以免同一加分重复计算
input-award-row-twice = 与 { $first } 完全相同的加分（各项相同，且无编号）：每项加分只应记一次（请为每行编号，或合为一行并填数量 2）
input-lookback-id-twice = 回头看编号“{ $id }”重复（首次出现在 { $first }）：编号应唯一，以免同一问题重复计算
input-lookback-row-twice = 与 { $first } 完全相同的回头看问题（各项相同，且无编号）：每个问题只应记一次（请为每行编号）
input-unknown-kind = 未知问题类型“{ $kind }”：应为考核方案中计分的问题类型（代码或名称）{ $hint }
input-kind-not-applicable = 问题类型“{ $kind }”由指标“{ $indicator }”计分，该指标不适用于单位“{ $agency }”（类别“{ $group }”）
input-measure-read-by-none = 数值“{ $measure }”没有适用于单位“{ $agency }”（类别“{ $group }”）的指标读取
input-measure-twice = 单位“{ $agency }”的数值“{ $measure }”填了两次：每个单位每项数值只填一行
input-not-an-item = { $what ->
    [task] “{ $item }”不是考核方案中的限时任务{ $hint }
   *[measure] “{ $item }”不是考核方案中按数值计分的指标{ $hint }
  }
input-item-not-applicable = { $what ->
    [task] 任务
   *[measure] 指标
  }“{ $item }”不适用于单位“{ $agency }”（类别“{ $group }”）
input-item-twice = { $what ->
    [task] 单位“{ $agency }”的任务“{ $item }”填了两次：每个单位每项任务只填一行
   *[measure] 单位“{ $agency }”的指标“{ $item }”填了两个数值：每个单位每项指标只填一行
  }
input-unknown-bonus = 未知加分项“{ $bonus }”{ $hint }
input-bonus-not-applicable = 加分项“{ $bonus }”不适用于单位“{ $agency }”
input-no-lookback-rule = 考核方案没有 [lookback]（回头看）规则：不应有回头看数据，或在规则中加入 [lookback]
input-unknown-lookback-kind = 未知的回头看问题类型“{ $kind }”：应为考核方案中计分的问题类型，或列在 [lookback].kinds 中{ $hint }
input-survey-not-applicable = 读取问卷“{ $survey }”的指标都不适用于单位“{ $agency }”（类别“{ $group }”）
input-unknown-survey = 没有指标读取问卷“{ $survey }”：应为 { $expected } 之一
input-index-outside = 满意度指数 { $index } 不在 0–100 之间
input-survey-twice = 单位“{ $agency }”的问卷“{ $survey }”有两条结果

## 一个工作簿作为全部数据。
input-workbook-too-big = 工作簿有 { $size } 字节：输入工作簿最多 { $max } 字节
input-not-a-workbook = 无法作为工作簿打开：{ $error }
input-unknown-sheet = 未知工作表“{ $sheet }”{ $hint }：工作表应为 { $expected }（以及不读取的 { $guide }）
input-sheet-twice = 与 { $first } 是同一类输入的第二个工作表：每类输入只应有一个工作表
input-workbook-no-agencies = { $file } 中没有“单位”工作表：应提供被考核单位名单（单位代码、单位名称、类别、上级单位）
input-sheet-unreadable = 无法读取该工作表：{ $error }
input-beyond-columns = 此行在 { $width } 个有表头的列之外还有内容：每一列都应有表头
input-kind-absent-sheet = 工作簿中没有“{ $sheet }”工作表（{ $kind }），但考核方案有读取 { $kind } 的指标：请提供该工作表（没有数据时只保留表头行），或用 --allow-missing { $kind } 按无数据计分
