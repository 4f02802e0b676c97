# kaohe check: a scheme whose arithmetic could leave the decimal range (src/rules/validate/bounds.rs).
scheme-check-overflow = indicator { $path }: an input within ±10^12 can make a ledger line of { $reach } points (the item's own arithmetic up to { $own }, × weights { $weights } × rescaling up to { $rescale }), beyond the { $limit } the engine computes with: expected smaller points, coarser per-unit steps, smaller weights or no near-empty maximum
# The column `[screening] self_rating` names in a mutual-rating questionnaire (src/survey/screen.rs), as a missing column's description.
scheme-check-col-self-rating = the respondent's own agency, for self-rating screening
