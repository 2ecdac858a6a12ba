greatest(coalesce(t.start_date, t.end_date, t.ref_date), coalesce(t.end_date, t.start_date, t.ref_date), coalesce(t.ref_date, t.start_date, t.end_date)) as greatest_result
