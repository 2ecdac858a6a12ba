case
    when t.ref_date >= t.birth_date
        then cast(
            year(t.ref_date) - year(t.birth_date)
            - case
                when month(t.ref_date) * 100 + day(t.ref_date)
                    < month(t.birth_date) * 100 + day(t.birth_date)
                    then 1
                else 0
            end
            as integer
        )
end as age_in_years_result
