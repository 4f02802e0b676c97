# 通用工具的消息：读表（CSV、Excel）、文字编码、输出目录。

## 读表

util-column-number = 第 { $column } 列
util-file-too-big = 文件有 { $bytes } 字节：输入表最多 { $max } 字节（问卷导出文件请用 `kaohe survey import`，它逐块读取）
util-empty-file = 文件是空的：应有一行表头和若干数据行
util-nul-byte = 文件中有 NUL 字节：应为文本（CSV）文件
util-quote-not-closed = 此行开始的带引号的值没有结束：应有收尾的 `"`（文件被截断，或值中的引号没有写成 `""`）
util-malformed-csv = CSV 格式错误：{ $error }
util-row-width = 这一行有 { $fields } 个字段，而表头有 { $width } 列：每列应恰好一个字段（值中有未加引号的逗号？）
util-no-header = 文件没有表头行：应有列名
util-too-many-columns = { $columns } 列：输入表最多 { $max } 列（文件选对了吗？）
util-cell-too-long = 单元格有 { $bytes } 字节：单元格最多 { $max } 字节
util-too-many-rows = 超过 { $max } 行数据：输入表最多这么多行
util-run-too-long = 单元格超过 { $limit } 字节：单元格最多 { $max } 字节（这是 CSV 文件吗？）
util-duplicate-column = 列 `{ $column }` 在表头中出现了两次：列名应各不相同
util-not-spreadsheet = 无法作为电子表格打开：{ $error }
util-no-sheets = 工作簿没有工作表：应有一张数据表
util-bad-sheet = 无法读取工作表 `{ $sheet }`：{ $error }
util-empty-sheet = 工作表是空的：应有一行表头和若干数据行
util-beyond-named-columns = 这一行在 { $width } 个有列名的列之外还有值：每一列都应有表头
util-unpacks-too-big = 工作簿解压后有 { $bytes } 字节：输入表最多 { $max } 字节（文件选对了吗？）
util-formula-without-value = 公式 `={ $formula }` 没有保存的值：应为数值（在 Excel 中打开并保存，或将该列粘贴为数值）

## 文字编码

util-not-utf8-declared = 字节 { $byte } 不是有效的 UTF-8（文件声明为 UTF-8；请试 --encoding gbk）
util-undecodable = 偏移 { $offset } 处的字节 { $byte } 既不是有效的 UTF-8，也不是 GB18030（GBK）：应为 UTF-8 或 GB18030 文本文件（可用 --encoding 指定）
util-undecodable-declared = 偏移 { $offset } 处的字节 { $byte } 不是有效的 { $encoding }：应为 UTF-8 或 GB18030 文本文件（可用 --encoding 指定）
util-bom-not-utf8 = 文件以 UTF-8 字节顺序标记（BOM）开头，但偏移 { $offset } 处的字节 { $byte } 不是 UTF-8（带 BOM 保存的 GBK 文件？）：应全部为 UTF-8，或去掉 BOM
util-mixed-encodings = 字节 { $byte } 不是 UTF-8，但第 { $line } 行是 UTF-8 文字：文件混用了两种编码（把 GBK 文件中的行粘贴进了 UTF-8 文件？）：应全文一种编码（重新另存为 UTF-8，或用 --encoding）

## 输出目录（--out）

util-out-refused = --out { $out }：{ $why }
util-out-special = 是{ $kind }，应为目录
util-out-file = 是一个文件，应为目录
util-out-root = 是根目录；请另选一个专用目录
util-out-is = 是{ $what }；请另选一个专用目录
util-out-contains = 包含{ $what }（{ $path }）；请另选一个专用目录
util-out-inside = 在{ $what }（{ $path }）之内，那里只能放输入文件
util-working-directory = 当前工作目录
util-kind-fifo = 命名管道（FIFO）
util-kind-socket = 套接字
util-kind-device = 设备
util-kind-other = 非普通文件
util-copy-special = { $path }：是{ $kind }；输出目录中只能有文件和目录
util-links-unsupported = { $path }：输出目录中不支持链接

## 合成数据（kaohe synth）

util-synth-missing-agency = { $questionnaire } 评价单位 `{ $agency }`，而这套合成数据中没有它：生成的单位应至少包括问卷所评价的单位

# 表头：缺少必需的列，或有不认识的列。
util-missing-column = 缺少列 `{ $column }`：表头中的列为 { $header }
util-unknown-column = 第 { $number } 列 `{ $column }` 无法识别：应为以下之一：{ $known }
