//! Each rule shape's sentence on a tiny scheme, expected text worked out by hand from the rule
//! (Chinese, the default language of the library's messages).

use super::*;
use crate::report::document::Block;

/// The criteria with agencies named by their ids (no data given).
fn build(scheme: &Scheme) -> Criteria {
    build_named(scheme, &AgencyNames::new())
}

/// A scheme with one group (县, one band), one dimension D1 (10 points) holding item D1.1 (10
/// points) written by `item`; `head` goes into `[scheme]`, `tail` after the indicators.
fn scheme(head: &str, item: &str, tail: &str) -> Scheme {
    let text = format!(
        r#"
[scheme]
id = "t"
title = "测试"
basis = "某政办发〔2022〕1号"
total = 10
{head}

[[group]]
id = "county"
name = "县"
  [[group.grade]]
  name = "合格"
  min = 0

[[indicator]]
id = "D1"
name = "维度"
max = 10
basis = "一"

[[indicator]]
id = "D1.1"
parent = "D1"
name = "项目"
max = 10
basis = "一(一)"
{item}
{tail}
"#
    );
    zh();
    crate::rules::parse(text.as_bytes(), "t.toml").unwrap_or_else(|e| panic!("{e}"))
}

/// This test thread writes Chinese, whatever another test chose for the process.
fn zh() {
    crate::util::i18n::set_thread_lang(Some(crate::util::i18n::Lang::Zh));
}

/// The 评分标准 of D1.1.
fn standard(head: &str, item: &str) -> String {
    let s = scheme(head, item, "");
    build(&s).rows[0].standard.clone()
}

/// Every paragraph and table cell after the indicator table, one per line.
fn after(tail: &str) -> String {
    let item = "[[indicator.deduct]]\nkind = \"k\"\nname = \"问题\"\npoints = 1";
    let s = scheme("", item, tail);
    let mut out = vec![];
    for b in build(&s).after {
        match b {
            Block::Heading(h) | Block::Paragraph(h) => out.push(h),
            Block::Table(t) => out.extend(t.rows.into_iter().map(|r| r.join(" | "))),
            Block::Figure(_) => {}
        }
    }
    out.join("\n")
}

#[test]
fn deduct_per_finding_capped_and_floored_at_the_item() {
    let item =
        "[[indicator.deduct]]\nkind = \"a\"\nname = \"未在政府网站首发\"\npoints = 0.5\ncap = 4";
    assert_eq!(
        standard("", item),
        "未在政府网站首发，每发现一处扣0.5分，本项最多扣4分；本项扣完为止。"
    );
}

#[test]
fn deduct_major_and_uncapped_with_the_floor_at_the_dimension() {
    let item = "[[indicator.deduct]]\nkind = \"b\"\nname = \"甲\"\npoints = 1\n\
                [[indicator.deduct]]\nkind = \"c\"\nname = \"乙\"\npoints = 2\nmajor = true";
    assert_eq!(
        standard("floor = \"dimension\"", item),
        "甲，每发现一处扣1分；乙，每发现一处扣2分（重大问题，不设上限，不受本项分值限制）；\
         扣分可超出本项分值，以“维度”的分值扣完为止。"
    );
    assert_eq!(
        standard("floor = \"none\"", item).rsplit('；').next().unwrap(),
        "扣分不以本项分值为限。"
    );
}

#[test]
fn deadline_per_month_with_a_minimum_share_and_a_cutoff() {
    let item = "[indicator.deadline]\ndue = 2022-11-30\nlate_per_month = 1\nlate_min_share = 0.2\n\
                cutoff = 2022-12-31";
    assert_eq!(
        standard("", item),
        "2022年11月30日前（含当日）完成得满分；逾期每月扣1分（不足一个月按一个月计），\
         最低得该项分值的20%；2022年12月31日后完成的视为未完成；未完成不得分。"
    );
}

#[test]
fn deadline_late_share_and_late_earning_nothing() {
    let share = "[indicator.deadline]\ndue = 2022-03-05\nlate_share = 0.5";
    assert_eq!(
        standard("", share),
        "2022年3月5日前（含当日）完成得满分；逾期完成得该项分值的50%；未完成不得分。"
    );
    let zero = "[indicator.deadline]\ndue = 2022-12-31";
    assert_eq!(
        standard("", zero),
        "2022年12月31日前（含当日）完成得满分；逾期完成不得分；未完成不得分。"
    );
}

#[test]
fn deadline_late_per_block_and_per_day() {
    let block = "[indicator.deadline]\ndue = 2022-06-30\nlate_per_block = 1\nblock_days = 30";
    assert_eq!(
        standard("", block),
        "2022年6月30日前（含当日）完成得满分；逾期每30天扣1分（不足30天按30天计），扣完为止；\
         未完成不得分。"
    );
    let day = "[indicator.deadline]\ndue = 2022-06-30\nlate_per_block = 0.5\nblock_days = 1\n\
               late_min_share = 0.25";
    assert_eq!(
        standard("", day),
        "2022年6月30日前（含当日）完成得满分；逾期每天扣0.5分，最低得该项分值的25%；未完成不得分。"
    );
}

#[test]
fn survey_linear_with_its_flags() {
    let item = "[indicator.survey]\nsurvey = \"social\"\nlinear = { zero_at = 60, full_at = 90 }";
    assert_eq!(
        standard("", item),
        "社会评价“social”满意度60及以下得0分，90及以上得满分，其间按比例计分；无数据的得0分；\
         有效样本量不足的照常计分并予注明。"
    );
    let zero = "[indicator.survey]\nsurvey = \"s\"\nbelow_minimum = \"zero\"\nmissing = \"error\"\n\
                linear = { zero_at = 60, full_at = 90 }";
    assert!(standard("", zero).ends_with("每个适用单位均须有数据；有效样本量不足的得0分。"));
    let na = "[indicator.survey]\nsurvey = \"s\"\nbelow_minimum = \"not_applicable\"\n\
              linear = { zero_at = 60, full_at = 90 }";
    assert!(standard("", na).ends_with("有效样本量不足的视为不适用，不计入满分。"));
}

#[test]
fn measure_linear_lower_is_better_with_its_unit() {
    let item = "[indicator.measure]\nunit = \"件\"\nmissing = \"not_applicable\"\n\
                linear = { zero_at = 10, full_at = 0 }";
    assert_eq!(
        standard("", item),
        "指标值（件）0及以下得满分，10及以上得0分，其间按比例计分；无数据的视为不适用，不计入满分。"
    );
}

#[test]
fn measure_tiers_by_share_and_by_points() {
    let item = "[indicator.measure]\ntiers = [{ at_least = 100, share = 1 }, \
                { at_least = 87.5, share = 0.75 }, { at_least = 75, points = 5 }]";
    assert_eq!(
        standard("", item),
        "指标值达到100的得满分，达到87.5的得该项分值的75%，达到75的得5分，其余得0分；无数据的得0分。"
    );
    let at_most =
        "[indicator.measure]\ntiers = [{ at_most = 1, share = 1 }, { at_most = 3, points = 4 }]";
    assert_eq!(
        standard("", at_most),
        "指标值不超过1的得满分，不超过3的得4分，其余得0分；无数据的得0分。"
    );
}

#[test]
fn measure_per_unit_short_of_a_target() {
    let floor = r#"[indicator.measure]
per_unit = { target = 100, points = 0.5, per = 1, units = "floor" }"#;
    assert_eq!(
        standard("", floor),
        "指标值达到100得满分，每低1扣0.5分，扣完为止；不足1的部分不扣分；无数据的得0分。"
    );
    let ceil = r#"[indicator.measure]
per_unit = { target = 5, points = 1, per = 2, units = "ceil", higher_is_better = false }"#;
    assert_eq!(
        standard("", ceil),
        "指标值不超过5得满分，每高2扣1分，扣完为止；不足2的按2计；无数据的得0分。"
    );
    let exact = "[indicator.measure]\nper_unit = { target = 100, points = 1 }";
    assert!(standard("", exact).contains("；不足1的部分按比例扣分；"));
}

#[test]
fn measure_relative_to_best() {
    let up = "[indicator.measure]\nrelative_to_best = {}";
    assert_eq!(standard("", up), "得分 = 指标值 ÷ 本组最高值 × 该项分值；无数据的得0分。");
    let down = "[indicator.measure]\nrelative_to_best = { higher_is_better = false }";
    assert_eq!(
        standard("", down),
        "得分 = 本组最低值 ÷ 指标值 × 该项分值（值为0的得满分）；无数据的得0分。"
    );
}

#[test]
fn measure_by_rank_with_a_step_and_without() {
    let step = "[indicator.measure]\nby_rank = { points = [6, 5.5, 5], then_step = 0.5 }";
    assert_eq!(
        standard("", step),
        "按指标值在本组由高到低排名计分：第1名6分、第2名5.5分、第3名5分；\
         其后每低一个名次少得0.5分，最低0分；数值相同的名次相同；无数据的得0分。"
    );
    let rest = "[indicator.measure]\nby_rank = { points = [10, 8], higher_is_better = false }";
    assert_eq!(
        standard("", rest),
        "按指标值在本组由低到高排名计分：第1名10分、第2名8分；其后各名次均得8分；\
         数值相同的名次相同；无数据的得0分。"
    );
}

#[test]
fn normalise_minmax_on_the_data_and_on_fixed_goalposts() {
    let data = "[indicator.normalise]\nmethod = \"minmax\"\nwithin = \"group\"";
    assert_eq!(
        standard("", data),
        "“D1.1”的值按本组单位中的最低值得0分、最高值得满分线性计分（数值均相同的均得满分）；\
         无数据的视为不适用，不计入满分。"
    );
    let fixed = "[indicator.normalise]\nmeasure = \"y\"\nper = \"pop\"\nmethod = \"minmax\"\n\
                 higher_is_better = false\nlow = 0\nhigh = 10\nclamp = true\nmissing = \"mean\"\n\
                 impute_within = \"parent\"";
    assert_eq!(
        standard("", fixed),
        "“y”除以“pop”的值10得0分，0得满分，其间按比例计分，超出范围的按端点计；\
         无数据的以同一上级的单位的平均值代替。"
    );
}

#[test]
fn normalise_zscore_best_rank_none_and_winsorising() {
    let z =
        "[indicator.normalise]\nmethod = \"zscore\"\nhigher_is_better = false\nmissing = \"zero\"";
    assert_eq!(
        standard("", z),
        "“D1.1”的值标准化：（值 − 全部单位的平均值）÷ 标准差，数值越低越好，取相反数；无数据的得0分。"
    );
    let zf = "[indicator.normalise]\nmethod = \"zscore\"\nmean = 50\nsd = 10\nmissing = \"error\"";
    assert_eq!(standard("", zf), "“D1.1”的值标准化：（值 − 50）÷ 10；每个适用单位均须有数据。");
    let best = "[indicator.normalise]\nmethod = \"best\"";
    assert!(standard("", best).starts_with("得分 = “D1.1”的值 ÷ 全部单位中的最高值 × 该项分值；"));
    let rank = "[indicator.normalise]\nmethod = \"rank\"";
    assert!(
        standard("", rank)
            .starts_with("得分 = 1 + 全部单位中“D1.1”的值不如本单位的单位数（并列取低）；")
    );
    let none = "[indicator.normalise]\nmethod = \"none\"\n\
                winsorise = { skew = 2, kurtosis = 3.5, max_iterations = 5 }";
    assert_eq!(
        standard("", none),
        "得分即“D1.1”的值；无数据的视为不适用，不计入满分；\
         偏度绝对值超过2且峰度超过3.5时，逐次将最极端的值缩至相邻值，至多5次。"
    );
}

/// A whole scheme from its text.
fn parse(text: &str) -> Scheme {
    zh();
    crate::rules::parse(text.as_bytes(), "t.toml").unwrap_or_else(|e| panic!("{e}"))
}

/// The lines of [`after`] for a whole scheme.
fn after_of(s: &Scheme) -> Vec<String> {
    let mut out = vec![];
    for b in build(s).after {
        match b {
            Block::Heading(h) | Block::Paragraph(h) => out.push(h),
            Block::Table(t) => out.extend(t.rows.into_iter().map(|r| r.join(" | "))),
            Block::Figure(_) => {}
        }
    }
    out
}

fn method_of(s: &Scheme) -> String {
    match &build(s).intro[2] {
        Block::Paragraph(p) => p.clone(),
        b => panic!("{b:?}"),
    }
}

#[test]
fn weighted_parts_bonus_gate_and_bonus_of_a_part() {
    let s = parse(include_str!("../../../tests/schemes/shape_weighted_parts.toml"));
    let c = build(&s);
    assert_eq!(c.title, "Rule shape: weighted parts on their own scales评分细则");
    assert_eq!(c.labels[s.node_index("P1").unwrap()], "工作考核（100分，权重0.7）");
    assert_eq!(c.labels[s.node_index("P2.1").unwrap()], "专业评价得分");
    assert_eq!(
        c.rows[0].standard,
        "a，每发现一处扣2分；扣分可超出本项分值，以“工作考核”的分值扣完为止。"
    );
    assert_eq!(
        after_of(&s),
        [
            "指标合成",
            "工作考核 | 计入总分时乘以权重0.7。",
            "专业评价 | 计入总分时乘以权重0.3。",
            "加分项",
            "获奖 | 每项加5分 | 全部单位 | issue 14",
            "加分合计最多20分；“工作考核”得分合计超过80分的方可加分；加分计入“工作考核”，随其权重折算；\
             依据：issue 14。",
            "等次评定",
            "网站 | 合格 | 60分及以上 | 不限",
            "网站 | 不合格 | 低于60分 | 不限",
            "网站：总分相同的名次相同，下一名次顺延（如1、2、2、4）。",
        ]
    );
    assert_eq!(
        method_of(&s),
        "满分100分；部分指标不适用的单位，得分按“实得分 ÷ 适用指标满分 × 100”折算；总分保留2位小数，\
         四舍五入；总分 = 基础得分 + 加分，最低为0分，否决事项最后适用。"
    );
}

#[test]
fn redistribution_even_and_proportional() {
    let s = parse(include_str!("../../../tests/schemes/shape_redistribute.toml"));
    let lines = after_of(&s);
    assert_eq!(
        lines[..3],
        [
            "指标合成",
            "服务与互动 | 下级指标不适用的，其分值平均分配给本指标下其他适用的下级指标。",
            "信息发布 | 下级指标不适用的，其分值按分值比例分配给本指标下其他适用的下级指标。",
        ]
    );
    let c = build(&s);
    assert_eq!(c.rows[2].applies, "门户网站");
    assert_eq!(c.rows[0].applies, "全部单位");
}

#[test]
fn single_item_vetoes_thresholds_and_unranked_vetoed_agencies() {
    let s = parse(include_str!("../../../tests/schemes/shape_block_veto_threshold.toml"));
    let lines = after_of(&s);
    let at = lines.iter().position(|l| l == "否决事项").unwrap();
    assert_eq!(
        lines[at + 1..at + 6],
        [
            "网站无法访问(单项否决) | 单项否决 | “政府网站”计0分，等次最高为不合格（不占等次名额） | issue 14",
            "新媒体账号被盗用(该项不得分) | 单项否决 | “政务新媒体”计0分 | issue 14",
            "“政府网站”得分低于21分 | 分项底线 | 等次最高为不合格（不占等次名额） | issue 14",
            "“政务新媒体”得分低于12分 | 分项底线 | 等次最高为不合格（不占等次名额） | issue 14",
            "触发否决的单位不参与排名。",
        ]
    );
}

#[test]
fn quotas_by_share_with_rounding_and_a_minimum() {
    let s = parse(include_str!("../../../tests/schemes/shape_quota_rounding.toml"));
    let lines = after_of(&s);
    let at = lines.iter().position(|l| l == "等次评定").unwrap();
    assert_eq!(
        lines[at + 1..at + 5],
        [
            "两个单位,下取整,至少1个 | 优秀 | 90分及以上 | 不超过本组单位数的30%（向下取整），至少1个",
            "两个单位,下取整,至少1个 | 良好 | 80分（含）至90分（不含） | 不限",
            "两个单位,下取整,至少1个 | 合格 | 60分（含）至80分（不含） | 不限",
            "两个单位,下取整,至少1个 | 不合格 | 低于60分 | 不限",
        ]
    );
    assert!(lines.contains(
        &"五个单位,四舍五入 | 优秀 | 90分及以上 | 不超过本组单位数的30%（四舍五入）".into()
    ));
    assert!(lines.contains(
        &"四个单位,上取整 | 优秀 | 90分及以上 | 不超过本组单位数的30%（向上取整）".into()
    ));
    assert!(
        lines.contains(
            &"两个单位,下取整,至少1个：总分相同的名次相同，下一名次顺延（如1、2、2、4）；\
          超出名额的单位按名次降为下一等次，名额边界同分且超出名额的，同分单位一并降为下一等次。"
                .into()
        )
    );
}

const CITY: &str = r#"
[scheme]
id = "t"
title = "测试"
basis = "某政办发〔2022〕1号"
total = 10

[[group]]
id = "city"
name = "市"
tie_break = ["D1", "base", "bonus"]
quota_ties = "include"
ties = "dense"
rank_decimals = 1
  [[group.grade]]
  name = "优秀"
  min = 9
  max_count = 2
  [[group.grade]]
  name = "其他"
  min = 0

[[indicator]]
id = "D1"
name = "维度"
max = 10
basis = "一"
  [[indicator.deduct]]
  kind = "k"
  name = "问题"
  points = 1
"#;

#[test]
fn quota_by_count_ties_and_tie_breaks() {
    let lines = after_of(&parse(CITY));
    assert_eq!(
        lines,
        [
            "等次评定",
            "市 | 优秀 | 9分及以上 | 不超过2个",
            "市 | 其他 | 低于9分 | 不限",
            "市：总分相同的名次相同，下一名次紧接（如1、2、2、3）；总分相同时依次比较“维度”得分、基础得分、加分，\
             高者在前；排名时总分按1位小数比较；超出名额的单位按名次降为下一等次，名额边界同分的单位均保留该等次。",
        ]
    );
}

#[test]
fn penalties_agency_vetoes_and_the_look_back() {
    let tail = r#"
[penalty]
cap = 10
  [[penalty.kind]]
  kind = "p1"
  name = "被通报批评"
  points = 2
  basis = "五(一)"
  [[penalty.kind]]
  kind = "p2"
  name = "答复被纠错"
  points = 0.5
  cap = 3
  basis = "五(二)"

[[veto]]
id = "leak"
kind = "leak"
name = "泄密"
grade = "合格"
basis = "六(一)"

[[veto]]
id = "fake"
kind = "fake"
name = "弄虚作假"
score = 5
score_mode = "set"
basis = "六(二)"

[[veto]]
id = "refuse"
kind = "refuse"
name = "拒不整改"
score = 6
basis = "六(三)"

[lookback]
basis = "七"
cap = 5
repeat_multiplier = 2
kinds = ["old-kind"]
  [lookback.points]
  rectified = 0
  late = 0.5
  partial = 1
  not_rectified = 2
"#;
    let item = "[[indicator.deduct]]\nkind = \"k\"\nname = \"问题\"\npoints = 1";
    let s = scheme("veto_rank = \"last\"", item, tail);
    assert_eq!(
        after_of(&s),
        [
            "减分项",
            "被通报批评 | 每发现一处扣2分 | 五(一)",
            "答复被纠错 | 每发现一处扣0.5分，本项最多扣3分 | 五(二)",
            "减分项从总分中扣减，不受指标分值限制；减分合计最多10分。",
            "否决事项",
            "泄密 | 一票否决 | 等次最高为合格（不占等次名额） | 六(一)",
            "弄虚作假 | 一票否决 | 总分定为5分 | 六(二)",
            "拒不整改 | 一票否决 | 总分最高计6分 | 六(三)",
            "触发否决的单位排在本组其他单位之后。",
            "回头看",
            "上年考核发现的问题按整改情况扣分：已整改的每个扣0分，逾期整改的每个扣0.5分，部分整改的每个扣1分，\
             未整改的每个扣2分；本年再次发现同类问题的，按2倍扣分；回头看合计最多扣5分；\
             本年不再计分的上年问题类型：old-kind；依据：七。",
            "等次评定",
            "县 | 合格 | 全部 | 不限",
            "县：总分相同的名次相同，下一名次顺延（如1、2、2、4）。",
        ]
    );
    assert_eq!(
        method_of(&s),
        "满分10分；部分指标不适用的单位，得分按“实得分 ÷ 适用指标满分 × 10”折算；总分保留2位小数，四舍五入；\
         总分 = 基础得分 − 减分 − 回头看扣分，最低为0分，否决事项最后适用。"
    );
}

#[test]
fn bonus_with_a_base_score_gate() {
    let tail = "[bonus]\nmin_base = 8\n  [[bonus.item]]\n  id = \"x\"\n  name = \"亮点\"\n  points = 1\n  basis = \"八\"";
    let lines = after(tail);
    assert!(
        lines
            .starts_with("加分项\n亮点 | 每项加1分 | 全部单位 | 八\n基础得分达到8分的方可加分。\n"),
        "{lines}"
    );
}

#[test]
fn rounding_steps_and_no_rescaling() {
    let item = "[[indicator.deduct]]\nkind = \"k\"\nname = \"问题\"\npoints = 1";
    let s = scheme(
        "rescale = \"none\"\n[rounding]\ndecimals = 1\nat = [\"item\", \"dimension\"]",
        item,
        "",
    );
    assert_eq!(
        method_of(&s),
        "满分10分；不适用的指标不计入满分，得分不折算；各评分项得分、各一级指标得分保留1位小数，四舍五入；\
         总分 = 基础得分，最低为0分，否决事项最后适用。"
    );
    let s = scheme("[rounding]\ndecimals = 2\nat = []", item, "");
    assert!(method_of(&s).contains("；计分过程不作取舍；"));
}

const APPLIES: &str = r#"
[scheme]
id = "t"
title = "测试"
basis = "某政办发〔2022〕1号"
total = 10

[[group]]
id = "city"
name = "设区市"
  [[group.grade]]
  name = "合格"
  min = 0
[[group]]
id = "county"
name = "县"
  [[group.grade]]
  name = "合格"
  min = 0
[[group]]
id = "dept"
name = "部门"
  [[group.grade]]
  name = "合格"
  min = 0

[[indicator]]
id = "D1"
name = "维度一"
max = 4
basis = "一"
groups = ["city", "county"]

[[indicator]]
id = "D1.1"
parent = "D1"
name = "甲"
max = 3
basis = "一(一)"
exempt = ["c9"]
  [[indicator.deduct]]
  kind = "a"
  name = "问题甲"
  points = 1

[[indicator]]
id = "D1.2"
parent = "D1"
name = "乙"
max = 1
basis = "一(二)"
agencies = ["x"]
  [[indicator.deduct]]
  kind = "b"
  name = "问题乙"
  points = 1

[[indicator]]
id = "D2"
name = "维度二"
max = 4
basis = "二"

[[indicator]]
id = "D2.1"
parent = "D2"
name = "丙"
max = 4
basis = "二(一)"
groups = ["dept"]
agencies = ["y"]
  [[indicator.deduct]]
  kind = "c"
  name = "问题丙"
  points = 1

[[indicator]]
id = "D3"
name = "维度三"
max = 2
basis = "三"
  [[indicator.deduct]]
  kind = "d"
  name = "问题丁"
  points = 1
"#;

#[test]
fn who_each_row_applies_to_and_merged_level_cells() {
    let c = build(&parse(APPLIES));
    let applies: Vec<&str> = c.rows.iter().map(|r| r.applies.as_str()).collect();
    assert_eq!(applies, ["设区市、县（c9除外）", "仅x", "部门，以及y", "全部单位"]);
    // With the data's names (y has none): the names stand for the ids.
    let names: AgencyNames =
        [("x", "甲单位"), ("c9", "九县")].map(|(i, n)| (i.to_string(), n.to_string())).into();
    let c = build_named(&parse(APPLIES), &names);
    let applies: Vec<&str> = c.rows.iter().map(|r| r.applies.as_str()).collect();
    assert_eq!(applies, ["设区市、县（九县除外）", "仅甲单位", "部门，以及y", "全部单位"]);
    let t = c.table();
    assert_eq!(t.header[..3], ["一级指标", "二级指标", "分值"]);
    let levels: Vec<[&str; 3]> =
        t.rows.iter().map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str()]).collect();
    assert_eq!(
        levels,
        [
            ["维度一（4分）", "甲", "3"],
            ["", "乙", "1"],
            ["维度二（4分）", "丙", "4"],
            ["维度三", "", "2"],
        ]
    );
}

const MEAN: &str = r#"
[scheme]
id = "t"
title = "测试"
basis = "某政办发〔2022〕1号"
total = 10
rescale = "none"

[[group]]
id = "g"
name = "全部"
  [[group.grade]]
  name = "合格"
  min = 0

[[indicator]]
id = "I"
name = "指数"
max = 10
basis = "一"
aggregate = "AGG"
round = 2

[[indicator]]
id = "a"
parent = "I"
name = "甲"
max = 10
weight = 3
basis = "一(一)"
[indicator.normalise]
method = "none"

[[indicator]]
id = "b"
parent = "I"
name = "乙"
max = 10
basis = "一(二)"
gate = "a"
[indicator.normalise]
method = "none"
"#;

#[test]
fn weighted_means_rounding_and_gates() {
    let s = parse(&MEAN.replace("AGG", "mean"));
    let c = build(&s);
    assert_eq!(
        c.rows[0].standard,
        "得分即“a”的值；无数据的视为不适用，不计入满分；在上级指标平均值中的权重为3。"
    );
    assert_eq!(
        c.rows[1].standard,
        "得分即“b”的值；无数据的视为不适用，不计入满分；“甲”得分为0的，本项计0分。"
    );
    assert_eq!(after_of(&s)[1], "指数 | 取下级指标得分的加权平均值；得分保留2位小数（四舍五入）。");
    let plain = parse(&MEAN.replace("AGG", "mean").replace("weight = 3\n", ""));
    assert_eq!(
        after_of(&plain)[1],
        "指数 | 取下级指标得分的算术平均值；得分保留2位小数（四舍五入）。"
    );
    let geo = parse(&MEAN.replace("AGG", "geometric"));
    assert_eq!(
        after_of(&geo)[1],
        "指数 | 取下级指标得分的加权几何平均值（各得分须大于0）；得分保留2位小数（四舍五入）。"
    );
}

#[test]
fn weighted_sum_and_a_normalised_aggregate() {
    let text = MEAN
        .replace(
            "aggregate = \"AGG\"\nround = 2\n",
            "[indicator.normalise]\nmethod = \"minmax\"\nlow = 0\nhigh = 10\n",
        )
        .replace("weight = 3\n", "weight = 0.5\n")
        .replace("gate = \"a\"\n", "weight = 0.5\n");
    let s = parse(&text);
    let c = build(&s);
    assert_eq!(
        c.rows[1].standard,
        "得分即“b”的值；无数据的视为不适用，不计入满分；计入上级指标时乘以权重0.5。"
    );
    assert_eq!(
        after_of(&s)[1],
        "指数 | 取下级指标得分按权重加总；合成值0得0分，10得满分，其间按比例计分，超出范围的按同一比例外推。"
    );
}

#[test]
fn bonus_gated_on_named_dimensions() {
    let s = parse(include_str!("../../../tests/schemes/shape_bonus_gate.toml"));
    let lines = after_of(&s);
    assert!(
        lines.iter().any(|l| l.contains("“政府网站”、“政务新媒体”得分合计达到44分的方可加分")),
        "{lines:?}"
    );
}

#[test]
fn groups_with_their_own_full_marks() {
    let text = APPLIES
        .replace("name = \"设区市\"\n", "name = \"设区市\"\ntotal = 10\n")
        .replace("name = \"县\"\n", "name = \"县\"\ntotal = 10\n")
        .replace("name = \"部门\"\n", "name = \"部门\"\ntotal = 6\n");
    let s = parse(&text);
    assert_eq!(
        method_of(&s),
        "满分10分；设区市满分10分、县满分10分、部门满分6分；部分指标不适用的单位，\
         得分按“实得分 ÷ 适用指标满分 × 本组满分”折算；总分保留2位小数，四舍五入；\
         总分 = 基础得分，最低为0分，否决事项最后适用。"
    );
}

#[test]
fn lower_is_better_on_the_data() {
    let minmax = "[indicator.normalise]\nmethod = \"minmax\"\nhigher_is_better = false";
    assert!(standard("", minmax).starts_with(
        "“D1.1”的值按全部单位中的最高值得0分、最低值得满分线性计分（数值均相同的均得满分）；"
    ));
    let best =
        "[indicator.normalise]\nmethod = \"best\"\nhigher_is_better = false\nwithin = \"parent\"";
    assert!(
        standard("", best).starts_with("得分 = 同一上级的单位中的最低值 ÷ “D1.1”的值 × 该项分值；")
    );
}

#[test]
fn english_sentences() {
    let item = "[[indicator.deduct]]\nkind = \"a\"\nname = \"not first\"\npoints = 0.5\ncap = 4";
    let s = scheme("", item, "");
    crate::util::i18n::set_thread_lang(Some(crate::util::i18n::Lang::En));
    let c = build(&s);
    assert_eq!(
        c.header,
        [
            "Level 1 indicator",
            "Level 2 indicator",
            "Points",
            "Scoring standard",
            "Applies to",
            "Basis"
        ]
    );
    assert_eq!(
        c.rows[0].standard,
        "Not first: 0.5 off per finding, at most 4 on this item; the item never goes below 0."
    );
    assert_eq!(c.labels[0], "维度 (10 points)");
    let survey = scheme(
        "",
        "[indicator.survey]\nsurvey = \"s\"\nlinear = { zero_at = 60, full_at = 90 }",
        "",
    );
    crate::util::i18n::set_thread_lang(Some(crate::util::i18n::Lang::En));
    assert_eq!(
        build(&survey).rows[0].standard,
        "The satisfaction index of survey “s” at or below 60: 0 points; at or above 90: full points; in between, \
         in proportion; no value: 0 points; a result with too few valid responses is scored as it is and flagged."
    );
}
