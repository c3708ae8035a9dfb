-- Small-number suppression (off by default): breakdown cells below the threshold are shown as "<threshold" in
-- everything a commissioner sees of a return, never in the provider's own view.
alter table tenant
    add column suppress_small_numbers boolean not null default false,
    add column suppression_threshold  integer not null default 5 check (suppression_threshold between 2 and 100);
