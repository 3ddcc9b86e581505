import React from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Navigation } from '@adminjs/design-system';
import { ViewHelpers, useNavigationResources, useTranslation, type SidebarResourceSectionProps } from 'adminjs';

/** The menu: the statistics page first (AdminJS lists resources only), then the modules. */
const SidebarResourceSection: React.FC<SidebarResourceSectionProps> = ({ resources }) => {
  const modules = useNavigationResources(resources);
  const { translateLabel } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const dashboardUrl = new ViewHelpers().dashboardUrl();
  const statistics = {
    id: 'dashboard',
    label: translateLabel('dashboard'),
    icon: 'BarChart2',
    href: dashboardUrl,
    isSelected: location.pathname === dashboardUrl || location.pathname === `${dashboardUrl}/`,
    onClick: (event: React.MouseEvent) => {
      event.preventDefault();
      navigate(dashboardUrl);
    },
  };
  return <Navigation label={translateLabel('navigation')} elements={[statistics, ...modules]} />;
};

export default SidebarResourceSection;
