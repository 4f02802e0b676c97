# The questionnaire drafted by kaohe survey init: notes, columns not drafted and why, and the
# markers of what the survey team must decide.

survey-init-pairing-id = { $file }: pairing a by-text and a by-number export needs the 序号 column in both
survey-init-unchosen-label = TODO label of option { $position } (nobody chose it)
survey-init-label = TODO label of option { $position }
survey-init-skipped = Columns not drafted as rated questions:
survey-init-choice-option = { $header } (one option of multiple-choice question { $number }: { $option })
survey-init-typed-not-rating = { $header } ({ $kind }: not a rating)
survey-init-multiple-choice = { $header } (multiple choice or ranking: not a rating)
survey-init-free-text = { $header } (more than { $max } distinct answers: free text, or the agency/custom column)
survey-init-numbers = { $header } (numbers up to { $max }: an id or a count, not a rating)
survey-init-preamble =
    # Questionnaire drafted by `kaohe survey init` from { $file }
    # ({ $rows } data rows). Every TODO must be decided by the survey team; the file
    # does not load until they are. See docs/survey.md for each key.
survey-init-answers = { $form ->
    [number] the export writes answers by number (按序号): option positions
   *[other] the export writes answers by text (按文本): option labels
}
survey-init-metadata = metadata columns: { $columns }
survey-init-order-unobserved =
    # The order below was not observed (a by-text export alone): a by-number import
    # refuses this scale until the order is checked against the questionnaire and
    # the next line removed, or the draft is made from both exports
    # (`kaohe survey init BY_TEXT BY_NUMBER`).
survey-init-scale-todo =
    # TODO: give every option a value 0–100 or mark it dont_know = true; keep the
    # order (a by-number export writes an option's position in this list), and add
    # in place any option nobody chose (a 0–10 question's `0分` is position 1).
survey-init-suggested = { " " }suggested: { $value }
survey-init-agency-todo =
    # TODO: the column naming the agency rated (a question such as 您评价的是哪个县(市、区)?,
    # or 来源详情 / a custom column), and every agency's label (as exported) and id.
survey-init-respondents-todo = # TODO: the column naming the respondent group, and each group's weight.
survey-init-sample-todo = TODO: the scheme's minimum valid sample per agency
survey-init-below-todo = TODO: flag, zero or fallback, as the scheme says
survey-init-seconds-todo = TODO: minimum completion time, if the scheme sets one
survey-init-kind = { $kind ->
    [matrix-row] matrix row
   *[other] { $kind }
}
survey-init-required = 必答 in the header
survey-init-optional = the header does not say 必答
# The marker of what the survey team must decide (in comments and placeholder texts).
survey-init-todo = TODO
survey-init-todo-value = TODO value
