cast(date_diff('day', t.start_date, t.end_date) as integer) as days_between_result
