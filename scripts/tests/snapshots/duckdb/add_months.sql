cast(t.start_date + to_months(cast(n_months as integer)) as date) as add_months_result
