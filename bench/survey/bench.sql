-- The same screening and aggregation as `kaohe survey import bench.toml export.csv`, in DuckDB
-- SQL, for the questionnaire `kaohe survey synth --scaffold N` writes (scale, groups, questions
-- and rules spelled out below; the agency table is loaded from agencies.csv, written from the
-- questionnaire by run.sh). ${EXPORT} and ${WORK} are substituted by duckdb_run.py.
--
-- Order of the rules, as docs/survey.md states it: rejections (agency, group, answers out of
-- range or missing when required, unparseable completion time), then min-seconds, attention,
-- straight-lining, then duplicates (by agency and IP address, among rows that passed everything
-- else, those with no rated answer included: the earliest submission is kept, ties to the earlier
-- row), and last no-rated-answer on the rows kept. 序号 is the row's position in the file.

CREATE MACRO blank(x) AS coalesce(trim(x), '') IN ('', '(跳过)', '（跳过）', '-3', '-3.0', '-2', '-2.0', 'NULL', 'null');
-- Option position (1-based), 0 for no answer, -1 for an answer that is not an option.
CREATE MACRO opt(x) AS CASE WHEN blank(x) THEN 0 ELSE coalesce(CASE trim(x)
    WHEN '非常满意' THEN 1 WHEN '满意' THEN 2 WHEN '一般' THEN 3 WHEN '不满意' THEN 4
    WHEN '非常不满意' THEN 5 WHEN '不了解' THEN 6 END, -1) END;
CREATE MACRO val(k) AS CASE k WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 END;
CREATE MACRO rated(k) AS (k BETWEEN 1 AND 5);
CREATE MACRO label(k) AS CASE k WHEN 0 THEN '(skipped)' WHEN 1 THEN '非常满意' WHEN 2 THEN '满意'
    WHEN 3 THEN '一般' WHEN 4 THEN '不满意' WHEN 5 THEN '非常不满意' WHEN 6 THEN '不了解' END;

CREATE TABLE agencies AS
    SELECT label AS name, id FROM read_csv('${WORK}/agencies.csv', header = true, all_varchar = true)
    UNION ALL
    SELECT id AS name, id FROM read_csv('${WORK}/agencies.csv', header = true, all_varchar = true);
CREATE TABLE grps AS SELECT * FROM (VALUES ('普通群众', 'public'), ('public', 'public'),
    ('企业', 'enterprise'), ('enterprise', 'enterprise'),
    ('人大代表、政协委员', 'deputy'), ('deputy', 'deputy')) t(name, id);

CREATE TABLE classified AS
WITH r AS (
    SELECT * FROM read_csv('${EXPORT}', header = true, all_varchar = true, names = [
        'seq', 'submitted', 'secs', 'src', 'src_detail', 'ip', 'agency_cell', 'group_cell',
        'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'att'])
), k AS (
    SELECT r.seq::BIGINT AS seq, a.id AS agency, g.id AS grp,
        opt(c1) AS k1, opt(c2) AS k2, opt(c3) AS k3, opt(c4) AS k4, opt(c5) AS k5, opt(c6) AS k6, opt(c7) AS k7,
        regexp_extract(trim(secs), '^([0-9]+)(\.0)?秒?$', 1) AS s,
        try_strptime(trim(r.submitted), '%Y/%m/%d %H:%M:%S') AS t,
        trim(att) AS att, trim(split_part(split_part(trim(ip), '(', 1), '（', 1)) AS ipkey
    FROM r LEFT JOIN agencies a ON trim(r.agency_cell) = a.name
           LEFT JOIN grps g ON trim(r.group_cell) = g.name
), y AS (
    SELECT *,
        (CASE WHEN rated(k1) THEN val(k1) ELSE 0 END + CASE WHEN rated(k2) THEN val(k2) ELSE 0 END
         + CASE WHEN rated(k3) THEN val(k3) ELSE 0 END + CASE WHEN rated(k4) THEN val(k4) ELSE 0 END
         + CASE WHEN rated(k5) THEN val(k5) ELSE 0 END + CASE WHEN rated(k6) THEN val(k6) ELSE 0 END
         + CASE WHEN rated(k7) THEN 2 * val(k7) ELSE 0 END)::BIGINT AS num,
        (rated(k1)::INT + rated(k2)::INT + rated(k3)::INT + rated(k4)::INT + rated(k5)::INT
         + rated(k6)::INT + 2 * rated(k7)::INT)::BIGINT AS den
    FROM k
), s AS (
    SELECT *, CASE
        WHEN agency IS NULL OR grp IS NULL THEN 'rejected'
        WHEN -1 IN (k1, k2, k3, k4, k5, k6, k7) THEN 'rejected'
        WHEN 0 IN (k1, k2, k3, k5, k6, k7) THEN 'rejected'           -- q4 is optional
        WHEN s = '' THEN 'rejected'
        WHEN t IS NULL THEN 'rejected'
        WHEN s::BIGINT < 60 THEN 'min-seconds'
        WHEN att IS DISTINCT FROM '一般' THEN 'attention:check'
        WHEN rated(k1) AND rated(k2) AND rated(k3) AND rated(k4) AND rated(k5) AND rated(k6)
             AND k1 = k2 AND k2 = k3 AND k3 = k4 AND k4 = k5 AND k5 = k6 THEN 'straight-lining'
        ELSE 'candidate' END AS status
    FROM y
)
SELECT seq, agency, grp, k1, k2, k3, k4, k5, k6, k7,
    CASE WHEN status = 'candidate' AND ipkey NOT IN ('', '(跳过)', 'NULL')
              AND row_number() OVER (PARTITION BY status = 'candidate', agency, ipkey ORDER BY t, seq) > 1
         THEN 'duplicate'
         WHEN status = 'candidate' AND den = 0 THEN 'no-rated-answer'
         WHEN status = 'candidate' THEN 'ok'
         ELSE status END AS status,
    -- y in millionths, half away from zero, exactly as kaohe: (2·10⁶·num + den) // (2·den).
    CASE WHEN den > 0 THEN (2000000 * num + den) // (2 * den) END AS y
FROM s;

COPY (SELECT status, count(*) AS n FROM classified GROUP BY status ORDER BY status)
    TO '${WORK}/duckdb-totals.csv' (HEADER);
COPY (SELECT agency, grp, count(*) AS n, sum(y)::HUGEINT AS sum_micro, sum(y::HUGEINT * y) AS sum_sq_micro2
      FROM classified WHERE status = 'ok' GROUP BY agency, grp ORDER BY agency, grp)
    TO '${WORK}/duckdb-moments.csv' (HEADER);
COPY (SELECT agency, grp, question, label(k) AS option, count(*) AS count
      FROM (UNPIVOT (SELECT agency, grp, k1 AS q1, k2 AS q2, k3 AS q3, k4 AS q4, k5 AS q5, k6 AS q6, k7 AS q7
                     FROM classified WHERE status = 'ok')
            ON q1, q2, q3, q4, q5, q6, q7 INTO NAME question VALUE k)
      GROUP BY ALL ORDER BY ALL)
    TO '${WORK}/duckdb-counts.csv' (HEADER);
