greatest(t.start_date, t.end_date, t.ref_date) as greatest_result
