# 命令行：各子命令打印的话。
# 写出两个文件之后。
cli-wrote-two = 已写出 { $first } 和 { $second }
# kaohe verify 的结论。
cli-verified = 核验通过：{ $files } 个文件一致；重算得到完全相同的输出
cli-not-verified = 核验未通过：{ $problems } 处问题
