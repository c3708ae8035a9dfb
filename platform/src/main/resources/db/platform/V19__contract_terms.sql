-- Plugin contract 2 (issue 14, item 4): a contract says which part of a specification it commissions when a module
-- implements several (004 Part 1 from the council, Part 2 from the CCG), and carries the commercial terms 001
-- tabulates (basis, unit of measurement, price, thresholds, expected annual value) and a maximum price per unit
-- where a call-off sets one (004 §8.1). Money is pence everywhere it is stored.
alter table contract
    add column specification_part   text   check (specification_part ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    add column unit_of_measurement  text   check (length(unit_of_measurement) between 1 and 100),
    add column unit_price_pence     bigint check (unit_price_pence between 0 and 100000000000),
    add column volume_thresholds    text   check (length(volume_thresholds) between 1 and 500),
    add column max_unit_price_pence bigint check (max_unit_price_pence between 0 and 100000000000),
    add constraint contract_unit_price_within_maximum
        check (unit_price_pence is null or max_unit_price_pence is null or unit_price_pence <= max_unit_price_pence);

-- The contract's own terms for KPI SQL (cost per unit, value delivered against price): still no parties' names.
drop view reporting.contract;
create view reporting.contract with (security_barrier) as
select c.start_date, c.end_date, c.annual_value_pence, c.basis, c.specification_part, c.unit_of_measurement,
       c.unit_price_pence, c.volume_thresholds, c.max_unit_price_pence
from public.contract c
where c.tenant_id = (select carespec_kpi_tenant()) and c.id = (select carespec_kpi_contract());

grant select on reporting.contract to ${reportingRole};
