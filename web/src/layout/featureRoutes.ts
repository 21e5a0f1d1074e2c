import type { TPermission } from '@techserve/core';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';

/** Renders the element when the user holds the permission, the not-found page otherwise. */
export type Guard = (permission: TPermission, element: ReactElement) => ReactElement;
export type MenuItem = Required<MenuProps>['items'][number];
/** A feature's side-menu entries for the given permissions; keys are route paths. */
export type FeatureMenu = (has: (permission: TPermission) => boolean, t: TFunction) => MenuItem[];
