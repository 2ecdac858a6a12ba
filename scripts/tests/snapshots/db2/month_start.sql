cast(add_days(t.start_date, 1 - day(t.start_date)) as date) as month_start_result
