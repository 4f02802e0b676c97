# 通用：各子命令共用的词语。
# 终端上一条错误。
error-line = 错误：{ $message }
