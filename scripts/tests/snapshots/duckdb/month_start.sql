cast(date_trunc('month', t.start_date) as date) as month_start_result
