# kaohe survey init 起草的问卷：说明、未起草的列及其原因，以及待调查组确定之处的标记。

survey-init-pairing-id = { $file }：将按文本导出与按序号导出配对，两者都需要“序号”列
survey-init-unchosen-label = 待填：第 { $position } 个选项的名称（无人选择）
survey-init-label = 待填：第 { $position } 个选项的名称
survey-init-skipped = 未作为计分题起草的列：
survey-init-choice-option = { $header }（多选题 { $number } 的一个选项：{ $option }）
survey-init-typed-not-rating = { $header }（{ $kind }：不是评分题）
survey-init-multiple-choice = { $header }（多选或排序：不是评分题）
survey-init-free-text = { $header }（超过 { $max } 种不同答案：自由文本，或单位列、自定义列）
survey-init-numbers = { $header }（数字最大为 { $max }：是代码或数量，不是评分）
survey-init-preamble =
    # 由 `kaohe survey init` 根据 { $file } 起草的问卷（{ $rows } 行数据）。
    # 每处“待填”都须由调查组确定；确定之前此文件不能加载。各项含义见 docs/survey.md。
survey-init-answers = { $form ->
    [number] 导出按序号记录答案：选项的位置
   *[other] 导出按文本记录答案：选项的名称
}
survey-init-metadata = 元数据列：{ $columns }
survey-init-order-unobserved =
    # 下面的顺序未经观察（只有按文本导出）：按序号导入会拒绝此量表，直到对照问卷核对顺序
    # 并删去下一行，或用两种导出一起起草（`kaohe survey init BY_TEXT BY_NUMBER`）。
survey-init-scale-todo =
    # 待填：为每个选项给出 0–100 的分值，或标为 dont_know = true；保持顺序（按序号导出
    # 记录的是选项在此列表中的位置），并在相应位置补上无人选择的选项（0–10 分题的 `0分` 是第 1 个）。
survey-init-suggested = { " " }建议：{ $value }
survey-init-agency-todo =
    # 待填：填写被评单位所在的列（如“您评价的是哪个县(市、区)?”这样的题目，
    # 或 来源详情 / 自定义列），以及每个单位导出时的名称和代码。
survey-init-respondents-todo = # 待填：填写答卷人类别所在的列，以及每类的权重。
survey-init-sample-todo = 待填：方案规定的每个单位最低有效样本量
survey-init-below-todo = 待填：按方案填 flag、zero 或 fallback
survey-init-seconds-todo = 待填：方案规定的最短答题用时（如有）
survey-init-kind = { $kind ->
    [question] 题目
    [matrix-row] 矩阵题的一行
   *[other] 列
}
survey-init-required = 表头标明“必答”
survey-init-optional = 表头未标明“必答”
# 调查组须确定之处的标记（注释中及占位的文字）。
survey-init-todo = 待填
survey-init-todo-value = 待填：分值
