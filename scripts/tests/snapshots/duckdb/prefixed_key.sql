cast('ECMS-' || cast(t.person_id as varchar(20)) as varchar(25)) as prefixed_key_result
