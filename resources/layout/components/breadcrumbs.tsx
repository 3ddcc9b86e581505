import React from 'react';
import { Box } from '@adminjs/design-system';
import { BreadcrumbLink, BreadcrumbText, ViewHelpers, useTranslation, type BreadcrumbProps } from 'adminjs';

/**
 * 统计分析 / the resource / the action. AdminJS's own names an action without its resource, so a
 * ticket's 关闭 read as the order's 关闭订单; here every action is named as its resource names it.
 */
const Breadcrumbs: React.FC<BreadcrumbProps> = ({ resource, record, actionName }) => {
  const { tl, ta } = useTranslation();
  const action = resource.actions.find((candidate) => candidate.name === actionName);
  const hasList = resource.resourceActions.some((candidate) => candidate.name === 'list');
  const resourceName = tl(resource.name, resource.id);
  return (
    <Box flexGrow={1} className="adminjs_Breadcrumbs" data-css={`${resource.id}-${actionName}-breadcrumbs`}>
      <BreadcrumbLink to={new ViewHelpers().dashboardUrl()}>{tl('dashboard')}</BreadcrumbLink>
      {hasList ? (
        <BreadcrumbLink to={resource.href ?? '/'} className={record ? 'is-active' : ''}>{resourceName}</BreadcrumbLink>
      ) : (
        <BreadcrumbText>{resourceName}</BreadcrumbText>
      )}
      {action && action.name !== 'list' ? <BreadcrumbLink to="#">{ta(action.label, resource.id)}</BreadcrumbLink> : null}
    </Box>
  );
};

export default Breadcrumbs;
