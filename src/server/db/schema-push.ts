// Table types of Web Push (migration 046, issue 17).

/** The deployment's VAPID key pair (id 'vapid'); the private key never leaves the server. */
export interface PushServerKeyTable {
  id: string;
  public_key: string;
  private_key: string;
  created_at: number;
}

export interface PushSubscriptionTable {
  id: string;
  clinic_id: string;
  user_id: string;
  /** The push service's URL for this browser; unique: a browser re-subscribing replaces its row. */
  endpoint: string;
  p256dh: string;
  auth: string;
  device_label: string | null;
  created_at: number;
  last_sent_at: number | null;
}

export interface PushPreferenceTable {
  user_id: string;
  clinic_id: string;
  doses: number;
  questionnaires: number;
  appointments: number;
  replies: number;
  urgent_alerts: number;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string;
  version: number;
  updated_at: number;
}

export interface PushNotificationTable {
  id: string;
  clinic_id: string;
  user_id: string;
  /** The patient a dose reminder is about (to cancel it once the dose is logged); null otherwise. */
  patient_id: string | null;
  kind: string;
  /** JSON of shared/push/texts.ts PushMessage. */
  message: string;
  dedupe_key: string;
  not_before: number;
  /** 'queued' | 'sent' | 'cancelled' */
  status: string;
  created_at: number;
  done_at: number | null;
}

export interface PushDeliveryTable {
  notification_id: string;
  subscription_id: string;
  clinic_id: string;
  /** 'sending' (claimed) | 'sent' | 'retry' | 'failed' | 'gone' */
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_status: number | null;
  updated_at: number;
}

export interface PushTables {
  push_server_keys: PushServerKeyTable;
  push_subscriptions: PushSubscriptionTable;
  push_preferences: PushPreferenceTable;
  push_notifications: PushNotificationTable;
  push_deliveries: PushDeliveryTable;
}
