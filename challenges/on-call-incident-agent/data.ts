/**
 * The estate and the word pools of the on-call generator. Every pool a regex could learn from is a
 * list of families: the public cases see the first few, the hidden cases others (generator.ts).
 */

/** Services of ours: a name and the thing their endpoints are about. */
export const SERVICES: readonly { name: string; noun: string }[] = [
  { name: 'checkout', noun: 'checkout' },
  { name: 'cart', noun: 'cart' },
  { name: 'payments', noun: 'charge' },
  { name: 'ledger', noun: 'entry' },
  { name: 'invoicing', noun: 'invoice' },
  { name: 'orders', noun: 'order' },
  { name: 'inventory', noun: 'stock' },
  { name: 'catalog', noun: 'product' },
  { name: 'search', noun: 'query' },
  { name: 'pricing', noun: 'quote' },
  { name: 'promotions', noun: 'coupon' },
  { name: 'shipping', noun: 'shipment' },
  { name: 'fulfilment', noun: 'pick' },
  { name: 'notifications', noun: 'notice' },
  { name: 'mailer', noun: 'email' },
  { name: 'sms-relay', noun: 'message' },
  { name: 'auth', noun: 'token' },
  { name: 'sessions', noun: 'session' },
  { name: 'profiles', noun: 'profile' },
  { name: 'accounts', noun: 'account' },
  { name: 'recommender', noun: 'suggestion' },
  { name: 'reviews', noun: 'review' },
  { name: 'media', noun: 'asset' },
  { name: 'thumbnailer', noun: 'thumbnail' },
  { name: 'geo', noun: 'location' },
  { name: 'tax', noun: 'rate' },
  { name: 'fraud', noun: 'assessment' },
  { name: 'risk-score', noun: 'score' },
  { name: 'reporting', noun: 'report' },
  { name: 'exports', noun: 'export' },
  { name: 'webhooks', noun: 'delivery' },
  { name: 'api-gateway', noun: 'route' },
  { name: 'web-bff', noun: 'page' },
  { name: 'mobile-bff', noun: 'screen' },
  { name: 'scheduler', noun: 'job' },
  { name: 'billing', noun: 'bill' },
  { name: 'subscriptions', noun: 'plan' },
  { name: 'refunds', noun: 'refund' },
  { name: 'loyalty', noun: 'point' },
  { name: 'returns', noun: 'return' },
];

/** Managed dependencies: databases, caches, queues and providers we see through metrics only. */
export const MANAGED: readonly { name: string; kind: string }[] = [
  { name: 'orders-db', kind: 'PostgreSQL cluster' },
  { name: 'ledger-db', kind: 'PostgreSQL cluster' },
  { name: 'catalog-db', kind: 'MySQL cluster' },
  { name: 'accounts-db', kind: 'PostgreSQL cluster' },
  { name: 'sessions-redis', kind: 'Redis cache' },
  { name: 'pricing-cache', kind: 'Memcached pool' },
  { name: 'search-es', kind: 'Elasticsearch cluster' },
  { name: 'events-kafka', kind: 'Kafka cluster' },
  { name: 'jobs-rabbit', kind: 'RabbitMQ broker' },
  { name: 'media-bucket', kind: 'object storage bucket' },
  { name: 'card-gateway', kind: 'card payment provider' },
  { name: 'mail-provider', kind: 'email delivery provider' },
  { name: 'sms-provider', kind: 'SMS provider' },
  { name: 'maps-api', kind: 'geocoding provider' },
  { name: 'tax-engine', kind: 'tax calculation provider' },
  { name: 'fx-feed', kind: 'exchange-rate provider' },
  { name: 'carrier-api', kind: 'parcel carrier API' },
  { name: 'reports-warehouse', kind: 'analytics warehouse' },
  { name: 'flags-store', kind: 'feature-flag store' },
  { name: 'sso-idp', kind: 'identity provider' },
];

export const TEAMS = [
  'team-basket',
  'team-money',
  'team-catalogue',
  'team-delivery',
  'team-identity',
  'team-growth',
  'team-platform',
  'team-data',
  'team-comms',
];

export const ZONES = ['zone-a', 'zone-b', 'zone-c', 'eu-west-1a', 'eu-west-1b', 'us-east-2c'];
export const ERRORS = ['HTTP 500', 'HTTP 502', 'HTTP 503', 'gRPC UNAVAILABLE', 'gRPC INTERNAL', 'HTTP 504'];
export const EXCEPTIONS = [
  'NullPointerException',
  'TypeError: cannot read properties of undefined',
  'KeyError',
  'IndexOutOfBoundsException',
  'panic: nil map write',
  'ClassCastException',
  'SerializationException',
];
export const TABLES = ['orders', 'line_items', 'accounts', 'prices', 'stock_levels', 'payments', 'addresses'];
export const FIELDS = ['currency', 'amount', 'sku', 'country_code', 'customer_id', 'vat_rate', 'weight_g'];
export const FEEDS = [
  'partner feed',
  'supplier catalogue drop',
  'nightly price file',
  'marketplace sync',
  'ERP export',
];
export const SETTINGS = [
  ['max_connections', '200', '20'],
  ['request_timeout_ms', '3000', '30'],
  ['worker_threads', '64', '4'],
  ['cache_ttl_s', '300', '0'],
  ['retry_budget', '3', '0'],
  ['upstream_url', 'v2', 'v1'],
  ['rate_limit_rps', '900', '15'],
];
export const FLAGS = ['new_tax_flow', 'async_capture', 'strict_validation', 'batch_writes', 'v3_serializer'];
