# The rules file: problems found reading and validating it.
# An unknown key or value, with the closest name.
rules-did-you-mean = {" "}(did you mean `{ $name }`?)
rules-unknown-key = unknown field `{ $key }`{ $hint }, expected one of { $expected }
rules-unknown-value = unknown variant `{ $value }`{ $hint }, expected { $expected }
