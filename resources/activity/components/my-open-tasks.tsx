import React, { useEffect, useState } from 'react';
import { Badge, Box, Button, Link, Loader, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import type { OpenTask } from '../../../src/domain/tasks/list-open-tasks.js';

const api = new ApiClient();

/** 我的待办: the logged-in employee's open tasks, soonest due first, overdue ones marked; each can be marked done here. */
const MyOpenTasks: React.FC<ActionProps> = ({ action, resource }) => {
  const { tm, tp, ta } = useTranslation();
  const addNotice = useNotice();
  const [tasks, setTasks] = useState<OpenTask[] | null>(null);

  const load = () => api.resourceAction({ resourceId: resource.id, actionName: action.name }).then((response) => setTasks((response.data as { tasks: OpenTask[] }).tasks));
  useEffect(() => {
    void load();
  }, []);

  const markDone = async (task: OpenTask) => {
    const response = await api.recordAction({ resourceId: resource.id, recordId: String(task.id), actionName: 'markTaskDone', data: {} });
    const answer = response.data as ActionResponse;
    if (answer.notice) addNotice(answer.notice);
    await load();
  };

  if (tasks === null) return <Loader />;
  if (tasks.length === 0) return <Box variant="container"><Text>{tm('openTasksNone', resource.id)}</Text></Box>;
  const recordsPath = window.location.pathname.replace(/\/actions\/.*$/, '/records');
  return (
    <Box variant="container">
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>{tp('subject', resource.id)}</TableCell>
            <TableCell>{tm('openTasksDue', resource.id)}</TableCell>
            <TableCell>{tm('openTasksCustomer', resource.id)}</TableCell>
            <TableCell>{tm('openTasksFrom', resource.id)}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {tasks.map((task) => (
            <TableRow key={task.id}>
              <TableCell>
                <Link href={`${recordsPath}/${task.id}/show`}>{task.subject}</Link>
              </TableCell>
              <TableCell>
                {new Date(task.due_at).toLocaleString()} {task.overdue ? <Badge variant="danger">{tm('openTasksOverdue', resource.id)}</Badge> : null}
              </TableCell>
              <TableCell>{task.customer_name ?? ''}</TableCell>
              <TableCell>{task.owner_name ?? ''}</TableCell>
              <TableCell>
                <Button size="sm" variant="outlined" onClick={() => void markDone(task)}>{ta('markTaskDone', resource.id)}</Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default MyOpenTasks;
