(days(t.end_date) - days(t.start_date)) as days_between_result
