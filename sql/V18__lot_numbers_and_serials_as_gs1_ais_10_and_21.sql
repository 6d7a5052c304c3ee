-- Lot numbers and serials are what GS1 AIs (10) and (21) carry: 1 to 20 characters of GS1 character set 82
-- (issue 29). Lot numbers widen (AB/12 was refused); serials narrow ('#', '$', '@', '[', '\', ']', '^', '`',
-- '{', '|', '}', '~' were accepted, yet no label can carry them). A database holding such a serial fails
-- here (check constraint violated): relabel those vials before upgrading.
ALTER TABLE lot DROP CONSTRAINT lot_lot_number_check;
ALTER TABLE lot ADD CONSTRAINT lot_lot_number_check
    CHECK (lot_number ~ '^[-!"%&''()*+,./0-9:;<=>?A-Z_a-z]{1,20}$');

ALTER TABLE vial DROP CONSTRAINT vial_serial_check;
ALTER TABLE vial ADD CONSTRAINT vial_serial_check
    CHECK (serial ~ '^[-!"%&''()*+,./0-9:;<=>?A-Z_a-z]{1,20}$');
