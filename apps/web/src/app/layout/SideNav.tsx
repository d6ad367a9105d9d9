import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useRouterFollow } from '@/components/InternalLink';
import { useCurrentSession } from '@/lib/session';
import { hasRole } from '@ecs-console/contract';

export function SideNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const onFollow = useRouterFollow();
  const { user } = useCurrentSession();

  const items: SideNavigationProps.Item[] = [
    { type: 'link', text: t('nav.instances'), href: '/instances' },
    { type: 'link', text: t('nav.disks'), href: '/disks' },
    { type: 'link', text: t('nav.snapshots'), href: '/snapshots' },
    { type: 'link', text: t('nav.securityGroups'), href: '/security-groups' },
  ];
  if (hasRole(user.role, 'admin')) {
    items.push(
      { type: 'divider' },
      { type: 'link', text: t('nav.audit'), href: '/audit' },
      { type: 'link', text: t('nav.users'), href: '/users' },
    );
  }

  // `/instances/cn-hangzhou/i-1` highlights "Instances".
  const activeHref = `/${location.pathname.split('/')[1] ?? ''}`;
  return (
    <SideNavigation
      header={{ text: t('app.name'), href: '/' }}
      items={items}
      activeHref={activeHref}
      onFollow={onFollow}
    />
  );
}
