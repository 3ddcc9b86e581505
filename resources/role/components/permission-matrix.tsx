import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, CheckBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';

type Scope = 'own' | 'team' | 'branch' | 'all';
interface Cell { actions: string[]; scope: Scope; hiddenFields: string[] }
interface MatrixResource { id: string; actions: string[]; scoped: boolean; fields: string[] }
interface Matrix {
  roles: Array<{ id: number; code: string; name: string; editable: boolean }>;
  resources: MatrixResource[];
  cells: Record<number, Record<string, Cell>>;
}

const COLUMNS = ['list', 'show', 'new', 'edit', 'delete', 'bulkDelete', 'export', 'import'];
const SCOPES: Scope[] = ['own', 'team', 'branch', 'all'];
const api = new ApiClient();
const emptyCell: Cell = { actions: [], scope: 'all', hiddenFields: [] };

/** Roles against resources: a checkbox per action, a row-scope select, fields the role may not see. */
const PermissionMatrix: React.FC<ActionProps> = ({ resource }) => {
  const { translateAction, translateLabel, translateMessage, translateProperty } = useTranslation();
  const addNotice = useNotice();
  const [matrix, setMatrix] = useState<Matrix>();
  const [roleId, setRoleId] = useState<number>();
  const [draft, setDraft] = useState<Record<string, Cell>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void api.resourceAction({ resourceId: resource.id, actionName: 'editPermissions' }).then(({ data }) => {
      const loaded = data.matrix as Matrix;
      setMatrix(loaded);
      const first = loaded.roles.find((role) => role.editable);
      if (first) choose(loaded, first.id);
    });
  }, []);

  const choose = (source: Matrix, id: number) => {
    setRoleId(id);
    setDraft(JSON.parse(JSON.stringify(source.cells[id] ?? {})));
  };
  // Unsaved ticks are the draft differing from what the server last said about this role.
  const unsaved = matrix !== undefined && roleId !== undefined && !sameCells(draft, matrix.cells[roleId] ?? {});
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const switchTo = (id: number) => {
    if (!matrix || id === roleId) return;
    const current = matrix.roles.find((role) => role.id === roleId)?.name ?? '';
    if (unsaved && !window.confirm(translateMessage('permissionsUnsavedConfirm', resource.id, { role: current }))) return;
    choose(matrix, id);
  };
  const cellOf = (resourceId: string): Cell => draft[resourceId] ?? emptyCell;
  const update = (resourceId: string, change: Partial<Cell>) => setDraft({ ...draft, [resourceId]: { ...cellOf(resourceId), ...change } });
  const toggle = (resourceId: string, action: string) => {
    const { actions } = cellOf(resourceId);
    update(resourceId, { actions: actions.includes(action) ? actions.filter((a) => a !== action) : [...actions, action] });
  };
  const save = async () => {
    setSaving(true);
    try {
      const { data } = await api.resourceAction({
        resourceId: resource.id, actionName: 'editPermissions', method: 'post', data: { matrix: JSON.stringify({ roleId, cells: draft }) },
      });
      if (data.notice) addNotice(data.notice);
      if (data.matrix) setMatrix(data.matrix);
    } finally {
      setSaving(false);
    }
  };

  const workflowOf = useMemo(() => (r: MatrixResource) => r.actions.filter((a) => !COLUMNS.includes(a)), []);
  if (!matrix) return <Text>{translateMessage('loadingPermissions', resource.id)}</Text>;

  return (
    <Box variant="white">
      <Box flex flexWrap="wrap" mb="lg" style={{ gap: 8 }}>
        {matrix.roles.filter((role) => role.editable).map((role) => (
          <Button key={role.id} size="sm" variant={role.id === roleId ? 'contained' : 'outlined'} onClick={() => switchTo(role.id)} data-role={role.code}>
            {role.name}
          </Button>
        ))}
        {/* Beside the tabs, where the user looks before switching, not only by the save button below. */}
        {unsaved ? <Text color="error" data-testid="permissions-unsaved" style={{ alignSelf: 'center' }}>{translateMessage('permissionsUnsaved', resource.id)}</Text> : null}
      </Box>
      <Text mb="lg" color="grey60">{translateMessage('permissionMatrixHint', resource.id)}</Text>
      <Box style={{ overflowX: 'auto' }}>
      {/* Compact cells (panel.css): every column fits a 1366 px laptop beside the menu. */}
      <Table className="petro-matrix">
        <TableHead>
          <TableRow>
            <TableCell>{translateMessage('permissionResource', resource.id)}</TableCell>
            {COLUMNS.map((action) => <TableCell key={action}>{translateAction(action)}</TableCell>)}
            <TableCell>{translateMessage('permissionWorkflow', resource.id)}</TableCell>
            <TableCell>{translateMessage('permissionScope', resource.id)}</TableCell>
            <TableCell>{translateMessage('permissionHiddenFields', resource.id)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {matrix.resources.map((r) => {
            const cell = cellOf(r.id);
            return (
              <TableRow key={r.id} data-resource={r.id}>
                <TableCell style={{ whiteSpace: 'nowrap' }}>{r.id === 'dashboard' ? translateLabel('dashboard') : translateLabel(r.id, r.id)}</TableCell>
                {COLUMNS.map((action) => (
                  <TableCell key={action}>
                    {r.actions.includes(action) && (
                      <CheckBox id={`${r.id}-${action}`} data-action={action} checked={cell.actions.includes(action)} onChange={() => toggle(r.id, action)} />
                    )}
                  </TableCell>
                ))}
                <TableCell>
                  {workflowOf(r).map((action) => (
                    <label key={action} style={{ display: 'inline-flex', alignItems: 'center', marginRight: 8, whiteSpace: 'nowrap' }}>
                      <CheckBox data-action={action} checked={cell.actions.includes(action)} onChange={() => toggle(r.id, action)} />
                      <span style={{ marginLeft: 4 }}>{translateAction(action, r.id)}</span>
                    </label>
                  ))}
                </TableCell>
                <TableCell>
                  {r.scoped && (
                    <select value={cell.scope} data-scope={r.id} onChange={(event) => update(r.id, { scope: event.target.value as Scope })}>
                      {SCOPES.map((scope) => <option key={scope} value={scope}>{translateMessage(`scope_${scope}`, resource.id)}</option>)}
                    </select>
                  )}
                </TableCell>
                <TableCell>
                  {r.fields.length > 0 && (
                    <details>
                      <summary>{cell.hiddenFields.map((field) => translateProperty(field, r.id)).join('、') || '—'}</summary>
                      {r.fields.map((field) => (
                        <label key={field} style={{ display: 'block', whiteSpace: 'nowrap' }}>
                          <input
                            type="checkbox"
                            checked={cell.hiddenFields.includes(field)}
                            onChange={() => update(r.id, {
                              hiddenFields: cell.hiddenFields.includes(field) ? cell.hiddenFields.filter((f) => f !== field) : [...cell.hiddenFields, field],
                            })}
                          />
                          {translateProperty(field, r.id)}
                        </label>
                      ))}
                    </details>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      </Box>
      <Box mt="xl">
        <Button variant="contained" onClick={save} disabled={saving || roleId === undefined} data-testid="save-permissions">
          {translateMessage('savePermissions', resource.id)}
        </Button>
      </Box>
    </Box>
  );
};

/** The same ticks, scopes and hidden fields, whatever order they were ticked in. */
function sameCells(a: Record<string, Cell>, b: Record<string, Cell>): boolean {
  const normal = (cells: Record<string, Cell>) =>
    Object.keys(cells)
      .sort()
      .map((id) => [id, [...cells[id].actions].sort(), cells[id].scope, [...cells[id].hiddenFields].sort()]);
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

export default PermissionMatrix;
