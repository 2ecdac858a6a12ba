case
    when t.ref_date >= t.birth_date
        then cast(
            extract(year from t.ref_date) - extract(year from t.birth_date)
            - case
                when extract(month from t.ref_date) * 100 + extract(day from t.ref_date)
                    < extract(month from t.birth_date) * 100 + extract(day from t.birth_date)
                    then 1
                else 0
            end
            as integer
        )
end as age_in_years_result
