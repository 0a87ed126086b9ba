import { createCommandHandler } from './commands';
import { guard, warn } from './log';
import { installApi, type ZendoHost } from './queue';
import { mountWidget } from './ui/mount';

guard(() => {
  installApi(window as ZendoHost, createCommandHandler(mountWidget, warn));
})();
