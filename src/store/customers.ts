import type { Customer } from '../schemas/fixtures.js';
import { toCents } from '../money.js';
import type { Db } from './open.js';

/** A cardholder as stored: money in cents. */
export interface CustomerRecord {
  customer_id: string;
  vcc: string;
  account_number: string;
  first_name: string;
  last_name: string;
  dob: string;
  address_1: string;
  address_2: string;
  city: string;
  province: string;
  postal_code: string;
  email: string;
  phone: string;
  credit_limit_cents: number;
  available_credit_cents: number;
  status: 'active' | 'blocked';
  source: 'fixture' | 'apply';
  created_at: number;
}

const COLUMNS =
  'customer_id, vcc, account_number, first_name, last_name, dob, address_1, address_2, city, province, postal_code, email, phone, credit_limit_cents, available_credit_cents, status, source, created_at';
const PLACEHOLDERS = COLUMNS.split(', ').map((c) => `@${c}`).join(', ');

export function toCustomerRecord(customer: Customer, source: CustomerRecord['source'], now: number): CustomerRecord {
  const { credit_limit, available_credit, ...rest } = customer;
  return { ...rest, credit_limit_cents: toCents(credit_limit), available_credit_cents: toCents(available_credit), source, created_at: now };
}

export function createCustomerStore(db: Db) {
  const statements = {
    byId: db.prepare<[string], CustomerRecord>(`SELECT ${COLUMNS} FROM customers WHERE customer_id = ?`),
    byVcc: db.prepare<[string], CustomerRecord>(`SELECT ${COLUMNS} FROM customers WHERE vcc = ?`),
    list: db.prepare<[], CustomerRecord>(`SELECT ${COLUMNS} FROM customers ORDER BY customer_id`),
    insertIfMissing: db.prepare<[CustomerRecord]>(`INSERT INTO customers (${COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT DO NOTHING`),
    replace: db.prepare<[CustomerRecord]>(`INSERT OR REPLACE INTO customers (${COLUMNS}) VALUES (${PLACEHOLDERS})`),
    /** Draws down credit only if enough is available; `changes === 0` means it was not. */
    debit: db.prepare<[number, string, number]>(
      'UPDATE customers SET available_credit_cents = available_credit_cents - ? WHERE customer_id = ? AND available_credit_cents >= ?',
    ),
    removeApplied: db.prepare('DELETE FROM customers WHERE source = \'apply\''),
  };

  return {
    byId: (customerId: string) => statements.byId.get(customerId),
    byVcc: (vcc: string) => statements.byVcc.get(vcc),
    list: () => statements.list.all(),
    /** Seeds a fixture customer without touching an existing balance (state survives restarts). */
    insertIfMissing: (record: CustomerRecord) => statements.insertIfMissing.run(record).changes > 0,
    /** Inserts or overwrites (reset, or a customer created by an approved application). */
    put: (record: CustomerRecord) => void statements.replace.run(record),
    debit(customerId: string, cents: number): boolean {
      return statements.debit.run(cents, customerId, cents).changes > 0;
    },
    removeApplied: () => statements.removeApplied.run().changes,
  };
}

export type CustomerStore = ReturnType<typeof createCustomerStore>;
