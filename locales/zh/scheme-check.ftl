# kaohe check：运算可能超出十进制数范围的方案(src/rules/validate/bounds.rs)。
scheme-check-overflow = 指标 { $path }：在±10^12以内的输入可使一条明细达到{ $reach }分（本项运算至多{ $own }，× 权重{ $weights } × 折算系数至多{ $rescale }），超出引擎可计算的{ $limit }：应减小分值、加大每单位步长、减小权重，或避免过小的适用满分。
# 互评问卷中 [screening] self_rating 指定的列(src/survey/screen.rs)，用于缺列时的说明。
scheme-check-col-self-rating = 答卷人所在单位，用于剔除自评
