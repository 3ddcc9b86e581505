import type { MigrationFn } from './migration.js';

/**
 * A campaign member's status says what happened to their e-mail: queued when the launch put it in
 * the outbox, sent when the mail server took it, failed when it gave up. A trigger on the outbox
 * keeps it so, whoever changes a message (the sender, a retry, another system); a member who
 * already responded or converted keeps that. Members marked sent whose message is still queued or
 * failed are corrected.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    ALTER TABLE campaign_members DROP CONSTRAINT campaign_members_status_check;
    ALTER TABLE campaign_members ADD CONSTRAINT campaign_members_status_check
      CHECK (status IN ('targeted', 'queued', 'sent', 'failed', 'responded', 'converted'));

    UPDATE campaign_members m SET status = e.status, updated_at = now()
      FROM email_messages e
     WHERE e.campaign_id = m.campaign_id AND e.customer_id = m.customer_id
       AND m.status IN ('targeted', 'sent') AND e.status IN ('queued', 'failed') AND m.status <> e.status;

    CREATE FUNCTION campaign_member_follows_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.campaign_id IS NULL OR NEW.customer_id IS NULL THEN RETURN NULL; END IF;
      UPDATE campaign_members m SET status = NEW.status, updated_at = now()
       WHERE m.campaign_id = NEW.campaign_id AND m.customer_id = NEW.customer_id
         AND m.status IN ('targeted', 'queued', 'failed') AND m.status <> NEW.status;
      RETURN NULL;
    END $$;
    CREATE TRIGGER email_messages_member_status AFTER INSERT OR UPDATE OF status ON email_messages
      FOR EACH ROW EXECUTE FUNCTION campaign_member_follows_delivery();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER email_messages_member_status ON email_messages;
    DROP FUNCTION campaign_member_follows_delivery();
    UPDATE campaign_members SET status = CASE status WHEN 'queued' THEN 'targeted' WHEN 'failed' THEN 'sent' ELSE status END;
    ALTER TABLE campaign_members DROP CONSTRAINT campaign_members_status_check;
    ALTER TABLE campaign_members ADD CONSTRAINT campaign_members_status_check CHECK (status IN ('targeted', 'sent', 'responded', 'converted'));
  `);
};
