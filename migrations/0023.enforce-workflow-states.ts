import type { MigrationFn } from './migration.js';

/**
 * The state tables of src/domain/state-rules, held by PostgreSQL too, so a write that bypasses the
 * panel (another system, a script, a race) cannot edit a confirmed order's lines or a closed
 * ticket's resolution either. Each table's rules are one JSON argument of one generic trigger:
 * - steps: the state changes the workflow makes;
 * - editable: per state, the columns that may still change ("all": any but the workflow's);
 * - workflow: columns that change only with a step; stepFields: what a step may write with it;
 * - derived: columns kept by other triggers, accepted when they equal what those compute;
 * - nullable: references the database itself empties when the row they name is deleted;
 * - mergeFields: what the merge of two customers moves (only in its own transaction, see 0020).
 * Child rows (order lines, members) change only while their parent's state allows, or, for a
 * confirmed order's lines, within the transaction of an amendment. The stock ledger only grows.
 * A refusal is SQLSTATE PC001 naming the column, with the message key as its hint.
 */
const SALES_ORDERS = {
  stateField: 'status',
  steps: { draft: ['confirmed', 'cancelled'], confirmed: ['shipped', 'cancelled'], shipped: ['delivered'], delivered: ['closed'], closed: [], cancelled: [] },
  editable: { draft: 'all', confirmed: ['delivery_date', 'shipping_method', 'notes'], shipped: ['delivery_date', 'notes'], delivered: ['notes'], closed: [], cancelled: [] },
  deletable: ['draft'],
  workflow: ['confirmed_at', 'shipped_at', 'delivered_at', 'cancelled_at', 'cancel_reason'],
  stepFields: ['confirmed_at', 'shipped_at', 'delivered_at', 'cancelled_at', 'cancel_reason'],
  derived: { total_amount: "SELECT ($1->>'total_amount')::numeric = coalesce((SELECT sum(amount) FROM sales_order_items WHERE order_id = ($1->>'id')::int), 0)" },
  nullable: ['contract_id', 'opportunity_id', 'owner_id'],
  mergeFields: ['customer_id'],
};

const OPEN_STAGE = 'all';
const OPPORTUNITIES = {
  stateField: 'stage',
  steps: { lead: ['qualified', 'won', 'lost'], qualified: ['proposal', 'won', 'lost'], proposal: ['negotiation', 'won', 'lost'], negotiation: ['won', 'lost'], won: [], lost: [] },
  editable: { lead: OPEN_STAGE, qualified: OPEN_STAGE, proposal: OPEN_STAGE, negotiation: OPEN_STAGE, won: ['notes'], lost: ['notes'] },
  deletable: ['lead', 'qualified', 'proposal', 'negotiation'],
  workflow: ['lost_reason', 'closed_at'],
  stepFields: ['lost_reason', 'closed_at'],
  derived: { probability: "SELECT ($1->>'probability')::int = (SELECT probability FROM opportunity_stage_probabilities WHERE stage = $1->>'stage')" },
  nullable: ['product_id', 'owner_id'],
  mergeFields: ['customer_id'],
};

const TICKETS = {
  stateField: 'status',
  steps: {
    new: ['assigned'], assigned: ['in_progress', 'escalated', 'resolved'], in_progress: ['escalated', 'resolved'], escalated: ['resolved'],
    resolved: ['closed', 'in_progress', 'new'], closed: ['in_progress', 'new'],
  },
  editable: { new: 'all', assigned: 'all', in_progress: 'all', escalated: 'all', resolved: [], closed: [] },
  deletable: ['new'],
  // Assigning a ticket being worked and recomputing its SLA after a priority change keep its status,
  // so for the database those two are ordinary fields of an open ticket; the domain keeps them to the actions.
  workflow: ['escalated_to', 'escalation_note', 'resolution', 'resolved_at', 'closed_at', 'satisfaction', 'feedback'],
  stepFields: ['assignee_id', 'escalated_to', 'escalation_note', 'sla_due_at', 'resolution', 'resolved_at', 'closed_at', 'satisfaction', 'feedback'],
  derived: {},
  nullable: ['contact_id', 'order_id', 'product_id', 'assignee_id'],
  mergeFields: ['customer_id'],
};

const CAMPAIGNS = {
  stateField: 'status',
  steps: { planned: ['active', 'cancelled'], active: ['completed', 'cancelled'], completed: [], cancelled: [] },
  editable: { planned: 'all', active: ['name', 'budget', 'end_date', 'description'], completed: [], cancelled: [] },
  deletable: ['planned'],
  workflow: ['launched_at'],
  stepFields: ['launched_at'],
  derived: {},
  nullable: ['email_template_id', 'owner_id'],
  mergeFields: [],
};

const CAMPAIGN_MEMBERS = {
  stateField: 'status',
  steps: {
    targeted: ['queued', 'failed', 'sent', 'responded', 'converted'], queued: ['failed', 'sent', 'responded', 'converted'],
    failed: ['queued', 'sent', 'responded', 'converted'], sent: ['responded', 'converted'], responded: ['converted'], converted: [],
  },
  editable: { targeted: ['contact_id', 'notes'], queued: ['notes'], sent: ['notes'], failed: ['contact_id', 'notes'], responded: ['notes'], converted: ['notes'] },
  deletable: ['targeted'],
  workflow: ['responded_at', 'converted_at', 'order_id'],
  stepFields: ['contact_id', 'responded_at', 'converted_at', 'order_id', 'notes'],
  derived: {},
  nullable: ['contact_id', 'order_id'],
  mergeFields: ['customer_id', 'status', 'responded_at', 'converted_at', 'order_id', 'notes'],
};

const ORDER_LINES = { parent: 'sales_orders', foreignKey: 'order_id', stateField: 'status', openIn: ['draft'], amendments: 'sales_order_amendments' };
const MEMBERS = { parent: 'campaigns', foreignKey: 'campaign_id', stateField: 'status', openIn: ['planned', 'active'] };

const argument = (spec: object) => `'${JSON.stringify(spec).replaceAll("'", "''")}'`;

export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE FUNCTION refuse_state_rule(table_name text, column_name text, message_key text) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'refused by the state rules of %: % (%)', table_name, coalesce(column_name, 'the row'), message_key
        USING ERRCODE = 'PC001', TABLE = table_name, COLUMN = coalesce(column_name, ''), HINT = message_key;
    END $$;

    -- True inside the transaction of a merge that involves one of these customers.
    CREATE FUNCTION customer_merge_in_progress(customer_ids integer[]) RETURNS boolean LANGUAGE sql AS $$
      SELECT EXISTS (SELECT 1 FROM customer_merges
                      WHERE xact_id = pg_current_xact_id() AND (survivor_id = ANY (customer_ids) OR duplicate_id = ANY (customer_ids)))
    $$;

    CREATE FUNCTION enforce_state_table() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      spec jsonb := TG_ARGV[0]::jsonb;
      state_field text := spec->>'stateField';
      old_row jsonb := to_jsonb(OLD);
      new_row jsonb;
      from_state text := old_row->>state_field;
      to_state text;
      editable jsonb := spec->'editable'->(old_row->>state_field);
      stepping boolean;
      merging boolean := false;
      col text;
      accepted boolean;
    BEGIN
      IF old_row ? 'customer_id' THEN
        merging := customer_merge_in_progress(ARRAY[(old_row->>'customer_id')::int,
                                                    (CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(NEW)->>'customer_id' END)::int]);
      END IF;
      IF TG_OP = 'DELETE' THEN
        IF NOT (spec->'deletable') ? from_state AND NOT merging THEN
          PERFORM refuse_state_rule(TG_TABLE_NAME, NULL, format('stateUndeletable_%s_%s', TG_TABLE_NAME, from_state));
        END IF;
        RETURN OLD;
      END IF;
      new_row := to_jsonb(NEW);
      to_state := new_row->>state_field;
      stepping := from_state IS DISTINCT FROM to_state;
      IF stepping AND NOT coalesce((spec->'steps'->from_state) ? to_state, false) AND NOT (merging AND (spec->'mergeFields') ? state_field) THEN
        PERFORM refuse_state_rule(TG_TABLE_NAME, state_field, format('workflowOwned_%s_%s', TG_TABLE_NAME, state_field));
      END IF;
      FOR col IN SELECT n.key FROM jsonb_each(new_row) AS n WHERE n.key <> 'updated_at' AND n.value IS DISTINCT FROM old_row->n.key LOOP
        CONTINUE WHEN col = state_field;
        CONTINUE WHEN stepping AND (spec->'stepFields') ? col;
        CONTINUE WHEN new_row->col = 'null'::jsonb AND (spec->'nullable') ? col;
        CONTINUE WHEN merging AND (spec->'mergeFields') ? col;
        IF (spec->'derived') ? col THEN
          EXECUTE spec->'derived'->>col INTO accepted USING new_row;
          CONTINUE WHEN accepted;
          PERFORM refuse_state_rule(TG_TABLE_NAME, col, format('workflowOwned_%s_%s', TG_TABLE_NAME, col));
        END IF;
        CONTINUE WHEN NOT (spec->'workflow') ? col AND (editable = '"all"'::jsonb OR (jsonb_typeof(editable) = 'array' AND editable ? col));
        PERFORM refuse_state_rule(TG_TABLE_NAME, col, CASE WHEN (spec->'workflow') ? col
          THEN format('workflowOwned_%s_%s', TG_TABLE_NAME, col) ELSE format('stateFrozen_%s_%s', TG_TABLE_NAME, from_state) END);
      END LOOP;
      RETURN NEW;
    END $$;

    CREATE FUNCTION enforce_open_parent() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      spec jsonb := TG_ARGV[0]::jsonb;
      key text := spec->>'foreignKey';
      row_data jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
      parent_ids integer[] := ARRAY[(row_data->>key)::int];
      parent_id integer;
      parent_state text;
      amended boolean;
    BEGIN
      IF TG_OP = 'UPDATE' THEN parent_ids := parent_ids || (to_jsonb(OLD)->>key)::int; END IF;
      -- A merge folds two memberships of one campaign into one, whatever the campaign's state.
      IF row_data ? 'customer_id' AND customer_merge_in_progress(ARRAY[(row_data->>'customer_id')::int]) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END IF;
      FOREACH parent_id IN ARRAY parent_ids LOOP
        -- Locked, so a line cannot slip in while another transaction confirms the order.
        EXECUTE format('SELECT %I FROM %I WHERE id = $1 FOR UPDATE', spec->>'stateField', spec->>'parent') INTO parent_state USING parent_id;
        -- No parent: being deleted with its children, or a foreign key that will refuse the row.
        CONTINUE WHEN parent_state IS NULL OR (spec->'openIn') ? parent_state;
        IF spec ? 'amendments' THEN
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1 AND xact_id = pg_current_xact_id())', spec->>'amendments', key)
            INTO amended USING parent_id;
          CONTINUE WHEN amended;
        END IF;
        PERFORM refuse_state_rule(TG_TABLE_NAME, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE key END,
                                  format('childrenFrozen_%s_%s', spec->>'parent', parent_state));
      END LOOP;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$;

    CREATE FUNCTION keep_stock_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      col text;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM refuse_state_rule(TG_TABLE_NAME, NULL, 'stockLedgerAppendOnly');
      END IF;
      FOR col IN SELECT n.key FROM jsonb_each(to_jsonb(NEW)) AS n WHERE n.key <> 'updated_at' AND n.value IS DISTINCT FROM to_jsonb(OLD)->n.key LOOP
        -- the order or the employee it names was deleted
        CONTINUE WHEN col IN ('order_id', 'performed_by_id') AND to_jsonb(NEW)->col = 'null'::jsonb;
        PERFORM refuse_state_rule(TG_TABLE_NAME, col, 'stockLedgerAppendOnly');
      END LOOP;
      RETURN NEW;
    END $$;

    CREATE TRIGGER sales_orders_state_rules BEFORE UPDATE OR DELETE ON sales_orders
      FOR EACH ROW EXECUTE FUNCTION enforce_state_table(${argument(SALES_ORDERS)});
    CREATE TRIGGER opportunities_state_rules BEFORE UPDATE OR DELETE ON opportunities
      FOR EACH ROW EXECUTE FUNCTION enforce_state_table(${argument(OPPORTUNITIES)});
    CREATE TRIGGER tickets_state_rules BEFORE UPDATE OR DELETE ON tickets
      FOR EACH ROW EXECUTE FUNCTION enforce_state_table(${argument(TICKETS)});
    CREATE TRIGGER campaigns_state_rules BEFORE UPDATE OR DELETE ON campaigns
      FOR EACH ROW EXECUTE FUNCTION enforce_state_table(${argument(CAMPAIGNS)});
    CREATE TRIGGER campaign_members_state_rules BEFORE UPDATE OR DELETE ON campaign_members
      FOR EACH ROW EXECUTE FUNCTION enforce_state_table(${argument(CAMPAIGN_MEMBERS)});
    CREATE TRIGGER sales_order_items_open_order BEFORE INSERT OR UPDATE OR DELETE ON sales_order_items
      FOR EACH ROW EXECUTE FUNCTION enforce_open_parent(${argument(ORDER_LINES)});
    CREATE TRIGGER campaign_members_open_campaign BEFORE INSERT OR DELETE ON campaign_members
      FOR EACH ROW EXECUTE FUNCTION enforce_open_parent(${argument(MEMBERS)});
    CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION keep_stock_ledger();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER sales_orders_state_rules ON sales_orders;
    DROP TRIGGER opportunities_state_rules ON opportunities;
    DROP TRIGGER tickets_state_rules ON tickets;
    DROP TRIGGER campaigns_state_rules ON campaigns;
    DROP TRIGGER campaign_members_state_rules ON campaign_members;
    DROP TRIGGER sales_order_items_open_order ON sales_order_items;
    DROP TRIGGER campaign_members_open_campaign ON campaign_members;
    DROP TRIGGER stock_movements_append_only ON stock_movements;
    DROP FUNCTION enforce_state_table(), enforce_open_parent(), keep_stock_ledger(), customer_merge_in_progress(integer[]), refuse_state_rule(text, text, text);
  `);
};
