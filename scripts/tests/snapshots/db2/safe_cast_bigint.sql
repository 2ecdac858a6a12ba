case
    when regexp_like(trim(cast(t.id_text as varchar(40))), '^[+-]?[0-9]{1,18}$')
        then cast(trim(cast(t.id_text as varchar(40))) as bigint)
end as safe_cast_bigint_result
