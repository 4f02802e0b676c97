//! The agencies a synthetic data set names: Shanxi's real cities and counties (from the embedded
//! divisions list) and about forty provincial departments, for schemes whose groups are `city`,
//! `county` and `department`; generic names for any other group.

const DIVISIONS: &str = include_str!("../../data/shanxi-divisions.csv");

/// Provincial departments (省直部门): id, name. The ids are what rules files name in `agencies`.
pub const DEPARTMENTS: &[(&str, &str)] = &[
    ("dept-fgw", "省发展改革委"),
    ("dept-jyt", "省教育厅"),
    ("dept-kjt", "省科技厅"),
    ("dept-gxt", "省工业和信息化厅"),
    ("dept-gat", "省公安厅"),
    ("dept-mzt", "省民政厅"),
    ("dept-sft", "省司法厅"),
    ("dept-czt", "省财政厅"),
    ("dept-rst", "省人力资源社会保障厅"),
    ("dept-zrzyt", "省自然资源厅"),
    ("dept-sthjt", "省生态环境厅"),
    ("dept-zjt", "省住房城乡建设厅"),
    ("dept-jtyst", "省交通运输厅"),
    ("dept-slt", "省水利厅"),
    ("dept-nynct", "省农业农村厅"),
    ("dept-swt", "省商务厅"),
    ("dept-whlyt", "省文化和旅游厅"),
    ("dept-wjw", "省卫生健康委"),
    ("dept-tyjrt", "省退役军人事务厅"),
    ("dept-yjt", "省应急管理厅"),
    ("dept-sjt", "省审计厅"),
    ("dept-gzw", "省国资委"),
    ("dept-scjgj", "省市场监管局"),
    ("dept-tyj", "省体育局"),
    ("dept-tjj", "省统计局"),
    ("dept-ybj", "省医保局"),
    ("dept-nyj", "省能源局"),
    ("dept-lcj", "省林草局"),
    ("dept-spj", "省审批服务管理局"),
    ("dept-jrj", "省地方金融监管局"),
    ("dept-xczxj", "省乡村振兴局"),
    ("dept-xfj", "省信访局"),
    ("dept-lsj", "省粮食和物资储备局"),
    ("dept-yjj", "省药监局"),
    ("dept-gdj", "省广电局"),
    ("dept-rfb", "省人防办"),
    ("dept-jgswj", "省机关事务管理局"),
    ("dept-wb", "省外事办"),
    ("dept-mzw", "省民族宗教委"),
    ("dept-dsj", "省大数据发展中心"),
];

#[derive(Debug, Clone)]
pub struct RosterAgency {
    pub id: String,
    pub name: String,
    pub group: String,
    pub parent: Option<String>,
}

/// Shanxi's cities (id = city code) and counties (id = `code-NN`), in file order.
pub fn shanxi_divisions() -> (Vec<RosterAgency>, Vec<RosterAgency>) {
    let mut cities: Vec<RosterAgency> = Vec::new();
    let mut counties = Vec::new();
    let mut per_city: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for line in DIVISIONS.lines().skip(1) {
        let f: Vec<&str> = line.trim().split(',').collect();
        if f.len() != 3 {
            continue;
        }
        if !cities.iter().any(|c| c.id == f[0]) {
            cities.push(RosterAgency {
                id: f[0].into(),
                name: f[1].into(),
                group: "city".into(),
                parent: None,
            });
        }
        let n = per_city.entry(f[0].to_string()).or_insert(0);
        *n += 1;
        counties.push(RosterAgency {
            id: format!("{}-{:02}", f[0], n),
            name: f[2].into(),
            group: "county".into(),
            parent: Some(f[0].into()),
        });
    }
    (cities, counties)
}

/// `n` agencies spread over the scheme's groups. With groups city/county/department the real
/// Shanxi agencies come first (cities, departments, counties); beyond them, numbered synthetic
/// counties. Other groups get numbered generic agencies, spread evenly.
pub fn roster(groups: &[(String, String)], n: usize) -> Vec<RosterAgency> {
    let ids: Vec<&str> = groups.iter().map(|g| g.0.as_str()).collect();
    let shanxi = ["city", "county", "department"].iter().all(|g| ids.contains(g));
    let mut out = Vec::new();
    if shanxi {
        let (cities, counties) = shanxi_divisions();
        let depts = DEPARTMENTS.iter().map(|(id, name)| RosterAgency {
            id: id.to_string(),
            name: name.to_string(),
            group: "department".into(),
            parent: None,
        });
        out.extend(cities.iter().cloned().chain(depts).chain(counties).take(n));
        let mut i = 0;
        while out.len() < n {
            i += 1;
            let city = &cities[i % cities.len()];
            out.push(RosterAgency {
                id: format!("{}-s{i:05}", city.id),
                name: format!("合成县{i:05}"),
                group: "county".into(),
                parent: Some(city.id.clone()),
            });
        }
        return out;
    }
    for i in 0..n {
        let (gid, gname) = &groups[i % groups.len()];
        out.push(RosterAgency {
            id: format!("{gid}-{:05}", i / groups.len() + 1),
            name: format!("{gname}{:05}", i / groups.len() + 1),
            group: gid.clone(),
            parent: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanxi_has_11_cities_117_counties_unique_ids() {
        let (c, k) = shanxi_divisions();
        assert_eq!((c.len(), k.len()), (11, 117));
        let mut ids: Vec<&str> = c.iter().chain(&k).map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 128);
        assert_eq!(k.iter().filter(|a| a.name == "城区").count(), 2);
        let mut d: Vec<&str> = DEPARTMENTS.iter().map(|d| d.0).collect();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), DEPARTMENTS.len());
    }
}
