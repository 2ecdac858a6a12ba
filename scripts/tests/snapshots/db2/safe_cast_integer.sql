case
    when regexp_like(trim(cast(t.code_text as varchar(40))), '^[+-]?[0-9]{1,9}$')
        then cast(trim(cast(t.code_text as varchar(40))) as integer)
end as safe_cast_integer_result
