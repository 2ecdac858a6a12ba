cast(add_months(t.start_date, n_months) as date) as add_months_result
