// The name annotations are signed with: set under Annotations → You, asked for once (after the
// first annotation made without one). The user is kept by annotation-user.js.
import { authorKey } from '../annotation-model.js';
import { cleanName, firstAskForName, loadUser, saveUser } from '../annotation-user.js';
import { setCurrentUser } from './annotation-card.js';

export class UserName {
  /**
   * @param {{messages: import('../../shell/messages.js').MessageList,
   *   view: () => import('./annotations-view.js').AnnotationsView, showAnnotations: () => void}} deps
   */
  constructor(deps) {
    this.deps = deps;
    /** @type {{id: string, name: string}} who makes annotations here */
    this.user = loadUser();
    this.asked = false;
    setCurrentUser(authorKey(this.user));
  }

  /** A new name for the annotations made from now on. */
  rename(name) {
    const clean = cleanName(name);
    this.user = { ...this.user, name: clean };
    setCurrentUser(authorKey(this.user));
    saveUser(this.user);
    this.deps.view().setName(clean);
    this.deps.messages.show({
      kind: 'success',
      key: 'user-name',
      text: clean
        ? `Your new annotations will be signed “${clean}”.`
        : 'Your new annotations will not carry a name.',
    });
  }

  /** After the first annotation without a name: say where to set it (once). */
  askOnce() {
    if (this.user.name || !firstAskForName() || this.asked) return;
    this.asked = true;
    this.deps.messages.show({
      kind: 'info',
      key: 'user-name',
      text: 'Your annotations carry no name yet, so colleagues who import them will see “Anonymous”. Set your name once under Annotations → You.',
      action: {
        label: 'Set my name',
        run: () => {
          this.deps.showAnnotations();
          this.deps.view().nameInput.focus();
        },
      },
    });
  }
}
