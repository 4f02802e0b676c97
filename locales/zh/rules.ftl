# 规则文件：读取与校验中的问题。
# 未知的键或取值，附上最接近的名称。
rules-did-you-mean = （是不是 `{ $name }`？）
rules-unknown-key = 未知的键 `{ $key }`{ $hint }，应为以下之一：{ $expected }
rules-unknown-value = 未知的取值 `{ $value }`{ $hint }，应为：{ $expected }
