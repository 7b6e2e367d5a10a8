/**
 * The first schema. Money is integer cents, times are epoch milliseconds on the mock clock.
 * Orders take their ids from one AUTOINCREMENT sequence that starts at 131000 (contract C4).
 */
export const initSchema = `
CREATE TABLE merchants (
  client_id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('fixture', 'admin')),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE customers (
  customer_id TEXT PRIMARY KEY,
  vcc TEXT NOT NULL UNIQUE,
  account_number TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  dob TEXT NOT NULL,
  address_1 TEXT NOT NULL,
  address_2 TEXT NOT NULL,
  city TEXT NOT NULL,
  province TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  credit_limit_cents INTEGER NOT NULL,
  available_credit_cents INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'blocked')),
  source TEXT NOT NULL CHECK (source IN ('fixture', 'apply')),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE tokens (
  access_token TEXT PRIMARY KEY,
  refresh_token TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('merchant', 'customer')),
  grant_type TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  refresh_used_at INTEGER
) STRICT;
CREATE INDEX tokens_by_client ON tokens (client_id);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('checkout', 'learn_more')),
  api_version TEXT NOT NULL CHECK (api_version IN ('v1', 'v2')),
  flow TEXT NOT NULL,
  lang TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  merchant_order_id TEXT,
  request TEXT NOT NULL,
  status TEXT NOT NULL,
  apply_status TEXT,
  purchase_status TEXT,
  customer_id TEXT,
  plan_id TEXT,
  term INTEGER,
  promo_id TEXT,
  administrative_fee_cents INTEGER,
  total_cents INTEGER,
  result TEXT,
  flow_token TEXT NOT NULL UNIQUE,
  flow_expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  completed_at INTEGER
) STRICT;
CREATE INDEX orders_by_client ON orders (client_id, id);
CREATE INDEX orders_by_merchant_order_id ON orders (client_id, merchant_order_id, id);
CREATE INDEX orders_by_promo_id ON orders (client_id, promo_id);
INSERT INTO sqlite_sequence (name, seq) VALUES ('orders', 130999);

CREATE TABLE order_events (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT
) STRICT;
CREATE INDEX order_events_by_order ON order_events (order_id, id);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  order_id INTEGER REFERENCES orders (id) ON DELETE CASCADE,
  event TEXT NOT NULL,
  notification_type TEXT NOT NULL,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  reference_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'no_endpoint')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
CREATE INDEX deliveries_by_client ON deliveries (client_id, created_at);
CREATE INDEX deliveries_by_order ON deliveries (order_id);

CREATE TABLE delivery_attempts (
  id INTEGER PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  status INTEGER,
  latency_ms INTEGER NOT NULL,
  error TEXT,
  response_excerpt TEXT
) STRICT;
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, id);
`;
