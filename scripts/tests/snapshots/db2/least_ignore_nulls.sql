least(coalesce(t.start_date, t.end_date), coalesce(t.end_date, t.start_date)) as least_result
