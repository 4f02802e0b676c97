# 命令行自身的文字：`kaohe --help`、各子命令的帮助，以及 clap 报告的参数错误。
# 编号：help-about（程序），help-cmd-<子命令路径>（子命令），help-<路径>-<参数>（某子命令的参数），
# help-arg-<参数>（几个子命令共用的参数）。

## 帮助页的标题（冒号由 clap 加上）。
help-heading-usage = 用法
help-heading-commands = 子命令
help-heading-arguments = 参数
help-heading-options = 选项
# 用法行中的占位符。
help-value-command = 子命令
help-usage-options = [选项]
# 附在参数说明之后。
help-default = [默认：{ $value }]
help-possible = [可选值：{ $values }]

## 参数错误（接在“错误：”之后）。
help-error-invalid-value = 参数 '{ $arg }' 的值 '{ $value }' 无效
help-error-value-missing = 参数 '{ $arg }' 需要一个值，但没有给出
help-error-value-refused = 参数 '{ $arg }' 的值 '{ $value }' 无效：{ $why }
help-error-unknown-argument = 无法识别的参数 '{ $arg }'
help-error-unknown-subcommand = 无法识别的子命令 '{ $name }'
help-error-missing-subcommand = '{ $name }' 需要一个子命令，但没有给出 [可用子命令：{ $valid }]
help-error-missing-arguments = 缺少以下必需的参数：
help-error-conflict = 参数 '{ $arg }' 不能与 { $other } 同时使用
help-error-repeated = 参数 '{ $arg }' 只能给出一次
help-error-too-many-values = 参数 '{ $arg }' 多出一个值 '{ $value }'，不需要更多的值
help-error-value-count = 参数 '{ $arg }' 需要 { $expected } 个值，实际给出 { $actual } 个
help-error-no-equals = 给参数 '{ $arg }' 赋值时需要用等号（=）
help-error-not-utf8 = 有参数不是有效的 UTF-8 文本
help-error-similar-subcommand = 提示：{ $count ->
       *[other] 有相近的子命令：{ $names }
    }
help-error-similar-argument = 提示：{ $count ->
       *[other] 有相近的参数：{ $names }
    }
help-error-similar-value = 提示：{ $count ->
       *[other] 有相近的值：{ $names }
    }
help-error-tip-value = 提示：如要把 '{ $value }' 作为值传入，请写成 '{ $fix }'
help-error-tip = 提示：{ $tip }
help-error-more = 更多信息请运行 '{ $flag }'。
# 参数值未通过 kaohe 自己的检查（接在“参数 … 的值 … 无效：”之后）。
help-value-out-of-range = { $value } 不在 { $min } 到 { $max } 之间
help-value-not-whole = { $value } 不是整数（应为 { $min } 到 { $max } 之间的整数）
help-value-not-encoding = 未知编码 `{ $value }`：应为 utf-8、gbk、gb18030、gb2312、utf-16le 或 utf-16be
help-value-not-share = 应为 0（含）到 1（不含）之间的比例，实为 { $value }

## 程序及其子命令。
help-about = 政务公开考核：按规则计分、定等次、排名
help-cmd-help = 显示本帮助，或所给子命令的帮助
help-cmd-score = 为每个单位计分、排名、定等次；写出 rankings.csv 和 scores.json
help-cmd-check = 检查规则文件是否有效，并运行其中的测试用例
help-cmd-explain = 显示一个单位的计分台账：每一分、其规则及其输入行
help-cmd-preview = 一个单位自己的得分明细、假设情景和类别汇总（不含其他单位的数据）
help-cmd-export-previews = 为每个单位写出一个保密文件夹：其预览页及其自己的台账（JSON）
help-cmd-verify = 核验已发布的结果：输入未改动，重算得到完全相同的输出
help-cmd-synth = 为某一方案生成一套模拟但合理的数据目录（指定随机种子）
help-cmd-survey = 社会评价问卷：导入导出文件、合并分片、起草问卷
help-cmd-survey-import = 导入问卷导出文件（UTF-8/GBK 编码的 CSV、.xls、.xlsx），写出统计结果和导入报告
help-cmd-survey-merge = 把多个导入输出目录（分片）合并为一个，结果与一次导入全部文件完全相同
help-cmd-survey-synth = 为问卷生成模拟的按文字导出文件（或用 --scaffold 生成含指定数量单位的基准测试问卷）
help-cmd-survey-parse = 用全部处理器核心解析一个 CSV 文件并统计记录数，不做别的：基准测试衡量导入速度的下限
help-cmd-survey-init = 根据导出文件的表头和所见答案起草问卷 TOML
help-cmd-survey-report = 写出调查组的导入报告：每道评分题在全部单位和各单位的答案（人数和占比，“不了解”单列）及筛除统计，输出 survey-report.html、survey-report.xlsx 和 charts/survey-*.png|svg
help-cmd-report = 写出年度报告：HTML、Markdown、Excel 和图表
help-cmd-robustness = 排名的稳健性：在满意度调查误差和权重扰动下的名次区间和等次概率（指定随机种子）
help-cmd-rules = 规则文件：`rules table` 写出对外公布的评分细则（.xlsx、.docx、.md）
help-cmd-rules-table = 把方案写成各地随考核方案公布的评分细则表（按扩展名写 .xlsx、.docx 或 .md）
help-cmd-template = 写出待填写的工作簿（考核数据.xlsx）：每类输入一张工作表，附说明页和下拉选项

## 几个子命令共用的参数。
help-arg-help = 显示帮助
help-arg-version = 显示版本
help-arg-subcommand = 显示所给子命令的帮助
help-arg-lang = 所有给人看的输出和文件所用的语言：zh（默认）或 en；优先于环境变量 KAOHE_LANG
help-arg-all-errors = 列出找到的全部错误，而不只是前 20 条
help-arg-rules = 计分规则文件（TOML）
help-arg-data = 数据目录（agencies.csv 等输入文件，.csv 或 .xlsx），或一个工作簿（考核数据.xlsx）
help-arg-encoding = CSV 输入文件的文字编码（utf-8、gbk、gb18030）；不给出时自动识别
help-arg-allow-missing = 方案要读、但数据目录中可以没有的输入类别（此时每个单位都按没有该类数据计分）；可重复给出多个。不给出时，缺少某类输入即为错误
help-arg-out = 输出目录
help-arg-seed = 随机抽样的种子：种子相同，结果相同
help-arg-agency = 单位代码（见 agencies.csv）

## 某个子命令自己的参数。
help-score-show = 摘要中每个类别显示排在最前和最后的单位数
help-preview-assume-rectified = 假定这些回头看（上一年度）问题已整改
help-preview-drop-finding = 不计本年度的这些问题
help-preview-with = 追加或替换的数据行（文件按其输入类别命名：findings.csv、tasks.csv……）
help-preview-html = 同时把预览写成一个独立的 HTML 页面
help-export-previews-out = 输出目录：每个单位代码一个子文件夹
help-verify-out = 已发布的输出目录（内有 rankings.csv 和 scores.json）
help-synth-rules = 为之生成数据的计分规则
help-synth-agencies = 单位数（168 即山西的 11 个设区市、40 个省直部门和 117 个县；最多 100000）
help-synth-out = 输出的数据目录
help-synth-survey = 经由模拟的问卷导出文件和问卷导入程序得出满意度结果（写出 survey-export.csv；survey.csv 和 survey-responses.csv 是导入的输出）。多份问卷可重复给出：每份导出为 survey-export-<id>.csv，列在 kaohe-ignore.txt 中
help-synth-survey-rows = 模拟问卷导出文件中的答卷数（1 到 10000000）
help-survey-import-questionnaire = 问卷（surveys/*.toml）
help-survey-import-files = 导出文件，按此顺序导入
help-survey-import-encoding = CSV 文件的文字编码（默认：有 BOM 按 BOM，否则是有效 UTF-8 即按 UTF-8，否则按 GB18030）
help-survey-import-answers = 导出文件如何记录答案（优先于问卷中的设置）：按文字（选项文字）或按序号（选项位置）
help-survey-import-no-responses = 不写 responses.csv（特大导入时每份答卷约省 8 字节内存；之后 `kaohe robustness` 无法对这些答卷做自助抽样）
help-survey-merge-questionnaire = 导入这些分片时所用的问卷
help-survey-merge-shards = `kaohe survey import` 的输出目录，按此顺序合并
help-survey-synth-questionnaire = 要为之生成导出文件的问卷
help-survey-synth-rows = 答卷数（1 到 100000000）
help-survey-synth-scaffold = 写出一份含这么多单位的基准测试问卷，而不是导出文件（1 到 100000）
help-survey-synth-out = 要写出的文件
help-survey-parse-file = 要解析的 CSV 文件
help-survey-init-export = 导出文件（按文字或按序号）；给出两个时，先按文字导出、后按序号导出（同一批答卷），两相对照得出选项序号
help-survey-init-out = 草稿写到哪里（默认：标准输出）
help-survey-report-questionnaire = 导入时所用的问卷（其 SHA-256 须与记录的一致）
help-survey-report-import-dir = `kaohe survey import` 或 `kaohe survey merge` 的输出目录
help-survey-report-dpi = PNG 图表的分辨率（每英寸点数，20 到 1200）
help-report-previous = 上一年度的结果（其输出目录或其 rankings.csv），用于变化图表
help-report-dpi = PNG 图表的分辨率（每英寸点数，20 到 1200）
help-report-no-agency-charts = 不画每个单位的图表（一个单位与其类别对比）
help-report-strict-glyphs = 标签中有内嵌字体缺少的字符时报错（默认：警告）
help-report-title = report.docx/report.pdf 的通报标题（默认：关于<方案标题>结果的通报）
help-report-issuer = 标题下的发文单位（默认：政务公开工作领导小组办公室）
help-report-date = 标题下的日期，照写（默认：方案年度，如 2022年度）
help-robustness-replicates = 每项分析的扰动次数（1 到 100000）
help-robustness-weight-range = 每个权重在其值的正负这一比例内变动（0.2：从 0.8 倍到 1.2 倍）
help-robustness-show = 摘要中每项分析列出的单位数
help-rules-table-out = 要写出的文件：评分细则.xlsx、评分细则.docx 或 评分细则.md
help-rules-table-data = 数据目录（或工作簿）：适用对象中以其单位名称代替单位代码（不给出时显示代码）
help-template-rules = 计分规则文件（TOML），下拉选项列出其中的问题类型、任务、指标和加分项
help-template-data = 数据目录（或工作簿），用其单位填写“单位”工作表
help-template-out = 要写出的工作簿（.xlsx）
help-template-force = 工作簿已存在时替换它（否则已填写的工作簿会丢失）
