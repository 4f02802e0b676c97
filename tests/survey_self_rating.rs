//! Issue 14: in the mutual rating among agencies (部门互评, surveys/shanxi-2022-mutual.toml) an
//! agency's rating of itself is screened `self-rating` and counted, like any other screened row.

mod util;

use util::*;

const HEADER: &str = "序号,所用时间,1、您评价的是哪个市或省直部门?(单选题 *必答),2、您所在单位属于?(单选题 *必答),\
3、您对该单位以下方面的评价(矩阵单选题 *必答)—主动公开及时、准确,政策解读和回应关切到位,依申请公开协作配合顺畅,\
政府网站和政务新媒体规范,政务公开工作指导和协同,4、总体而言，您对该单位政务公开工作的评价(单选题 *必答),\
6、您所在的单位(单选题 *必答)";

#[test]
fn an_agencys_rating_of_itself_is_screened_and_counted() {
    let w = Work::new();
    // Lines 2 and 4 rate the respondent's own agency (line 4 is also too fast: self-rating is
    // checked first); line 3 rates another agency; line 5 names its own agency by id.
    let rows = [
        "1,120秒,省统计局,省直部门,满意,满意,满意,满意,满意,满意,省统计局",
        "2,120秒,省统计局,省直部门,一般,满意,,满意,满意,非常满意,省财政厅",
        "3,10秒,太原市,设区市人民政府及其部门,满意,满意,满意,满意,满意,满意,太原市",
        "4,200秒,太原市,设区市人民政府及其部门,满意,一般,一般,一般,满意,满意,140100",
    ];
    let export = w.path("mutual.csv");
    std::fs::write(&export, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    kaohe()
        .args(["survey", "import", "surveys/shanxi-2022-mutual.toml"])
        .arg(&export)
        .arg("--out")
        .arg(w.path("imported"))
        .assert()
        .success();
    let screened = text_without_bom(&w.path("imported/screened.csv"));
    let lines: Vec<&str> = screened.lines().skip(1).collect();
    assert_eq!(lines.len(), 3, "{screened}");
    for (line, agency) in [(2, "dept-tjj"), (4, "140100"), (5, "140100")] {
        assert!(
            lines.iter().any(|l| l.ends_with(&format!(",{line},{agency},self-rating"))),
            "line {line}: {screened}"
        );
    }
    // The accounting: 4 rows = 1 valid + 3 screened self-rating, per agency.
    let accounting = text_without_bom(&w.path("imported/accounting.csv"));
    let header: Vec<&str> = accounting.lines().next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row = |agency: &str| -> Vec<String> {
        let l = accounting.lines().find(|l| l.starts_with(&format!("{agency},"))).unwrap();
        l.split(',').map(str::to_string).collect()
    };
    let tjj = row("dept-tjj");
    assert_eq!((&*tjj[col("rows")], &*tjj[col("valid")]), ("2", "1"));
    assert_eq!(tjj[col("screened:self-rating")], "1");
    let ty = row("140100");
    assert_eq!((&*ty[col("rows")], &*ty[col("valid")]), ("2", "0"));
    assert_eq!(ty[col("screened:self-rating")], "2");
    assert_eq!(ty[col("screened:min-seconds")], "0", "self-rating is checked first");
}
