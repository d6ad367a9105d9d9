import TopNavigation from '@cloudscape-design/components/top-navigation';
import type { ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from 'react-router';
import { useRouterFollow } from '@/components/InternalLink';
import { ChangePasswordModal, useSignOut } from '@/features/auth';
import { ecsAcceptLanguage, useRegions } from '@/features/regions';
import { useLocale } from '@/lib/i18n';
import { useChooseRegion, useSelectedRegion } from '@/lib/selected-region';
import { useCurrentSession } from '@/lib/session';

/** Product name, region selector and the user's menu. */
export function TopBar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const onFollow = useRouterFollow();
  const { user } = useCurrentSession();
  const signOut = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  const [selectedRegionId] = useSelectedRegion();
  const chooseRegion = useChooseRegion();
  // A page of one resource (`/instances/:regionId/:instanceId`) is in that resource's region.
  const { pathname } = useLocation();
  const routeRegionId = matchPath('/:section/:regionId/:resourceId', pathname)?.params.regionId;
  const regionId = routeRegionId ?? selectedRegionId;
  const regions = useRegions(ecsAcceptLanguage(locale));
  const currentRegion = regions.data?.find((region) => region.RegionId === regionId);

  let regionItems: ButtonDropdownProps.Items;
  if (regions.data) {
    regionItems = regions.data.map((region) => ({
      id: region.RegionId,
      text: region.LocalName,
      secondaryText: region.RegionId,
      itemType: 'checkbox',
      checked: region.RegionId === regionId,
    }));
  } else {
    const text = regions.isError ? t('region.loadFailed') : t('region.loading');
    regionItems = [{ id: 'unavailable', text, disabled: true }];
  }

  return (
    <>
      <TopNavigation
        identity={{ href: '/', title: t('app.name'), onFollow }}
        utilities={[
          {
            type: 'menu-dropdown',
            iconName: 'location-pin',
            text: currentRegion ? `${currentRegion.LocalName} (${regionId})` : regionId,
            title: t('region.title'),
            ariaLabel: t('region.ariaLabel', { region: currentRegion?.LocalName ?? regionId }),
            items: regionItems,
            onItemClick: ({ detail }) => chooseRegion(detail.id),
          },
          {
            type: 'menu-dropdown',
            iconName: 'user-profile',
            text: user.username,
            description: t('user.role', { role: t(`roles.${user.role}`) }),
            ariaLabel: t('user.menuLabel', { username: user.username }),
            items: [
              { id: 'change-password', text: t('user.changePassword') },
              { id: 'sign-out', text: t('user.signOut') },
            ],
            onItemClick: ({ detail }) => {
              if (detail.id === 'change-password') setChangingPassword(true);
              if (detail.id === 'sign-out') signOut.mutate();
            },
          },
        ]}
      />
      {changingPassword && <ChangePasswordModal onDismiss={() => setChangingPassword(false)} />}
    </>
  );
}
