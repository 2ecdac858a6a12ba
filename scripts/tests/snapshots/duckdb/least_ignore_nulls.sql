least(t.start_date, t.end_date) as least_result
