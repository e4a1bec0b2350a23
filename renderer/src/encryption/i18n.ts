/** Words for the recovery passphrase, encrypted backups and password-protected exports. */
export const encryptionAr = {
  recovery: {
    title: 'النسخ الاحتياطية المشفرة والعبارة السرية للاسترداد',
    intro:
      'كل نسخة احتياطية تخرج من الجهاز (إلى مجلد أو ذاكرة USB) تُشفَّر. لفتحها على جهاز جديد بعد تعطل القرص لا يلزم إلا الملف والعبارة السرية للاسترداد. اكتب العبارة على ورقة واحفظها في خزنة الجمعية بعيداً عن الجهاز: من دونها لا يمكن لأحد فتح النسخ المشفرة.',
    notSet: 'لم تُعيَّن العبارة السرية بعد؛ النسخ إلى مجلد متوقفة حتى يعيّنها مدير النظام.',
    setAt: 'عُيّنت العبارة السرية في {{at}}. بصمة المفتاح:',
    localCopy: 'نسخة محلية من المفتاح محمية بنظام التشغيل: يفتح هذا الجهاز نسخه دون العبارة.',
    noLocalCopy: 'لا نسخة محلية من المفتاح على هذا الجهاز: فتح النسخ يحتاج العبارة السرية.',
    passphrase: 'العبارة السرية للاسترداد',
    confirm: 'تأكيد العبارة السرية',
    rule: '12 خانة على الأقل، نوعان على الأقل (حروف، أرقام، مسافات، رموز). مثال: جملة من أربع كلمات فيها رقم.',
    set: 'تعيين العبارة السرية',
    replace: 'تغيير العبارة السرية',
    replaceHint: 'تغيير العبارة ينشئ مفتاحاً جديداً للنسخ القادمة؛ النسخ السابقة تُفتح بالعبارة التي كانت معتمدة عند إنشائها.',
    saved: 'حُفظت العبارة السرية. بصمة المفتاح الجديد:',
    backupToFolder: 'نسخة مشفرة إلى مجلد…',
    backupToFolderHint: 'اختيار مجلد متاح في تطبيق سطح المكتب؛ ومن سطر الأوامر: \u2066npm run cli -- backup --to <المجلد>\u2069',
    backedUp: 'كُتبت النسخة المشفرة وتُحقق منها: \u2066{{file}}\u2069 — {{beneficiaries}} مستفيد.',
    restoreHint: 'الاستعادة من نسخة مشفرة (مع إغلاق التطبيق): \u2066npm run cli -- restore <الملف>\u2069 ثم أدخل العبارة السرية.',
  },
  export: {
    protect: 'تصدير مشفّر بكلمة مرور (ملف ZIP بتشفير AES-256)',
    password: 'كلمة مرور الملف',
    confirm: 'تأكيد كلمة المرور',
    help: 'يُفتح الملف ببرنامج \u20667-Zip\u2069 أو WinRAR أو PeaZip بكلمة المرور (مستكشف ملفات Windows وحده لا يفتح هذا التشفير). الأرقام في كلمة المرور تُحفظ لاتينية \u2066(0-9)\u2069، فاكتبها كذلك عند فتح الملف. أرسل كلمة المرور بطريق غير طريق الملف، كالهاتف.',
    fix: 'صحّح كلمة المرور قبل التصدير.',
  },
};

export const encryptionEn: typeof encryptionAr = {
  recovery: {
    title: 'Encrypted backups and the recovery passphrase',
    intro:
      'Every backup that leaves the machine (to a folder or a USB stick) is encrypted. To open one on a new machine after a disk failure you need only the file and the recovery passphrase. Write the passphrase on paper and keep it in the society’s safe, away from this computer: without it nobody can open the encrypted backups.',
    notSet: 'No recovery passphrase yet; backups to a folder wait until an administrator sets one.',
    setAt: 'Passphrase set on {{at}}. Key fingerprint:',
    localCopy: 'An OS-protected copy of the key is on this machine: it opens its own backups without the passphrase.',
    noLocalCopy: 'No local copy of the key on this machine: opening a backup needs the passphrase.',
    passphrase: 'Recovery passphrase',
    confirm: 'Confirm the passphrase',
    rule: 'At least 12 characters of at least two kinds (letters, digits, spaces, symbols). E.g. a sentence of four words with a number.',
    set: 'Set the recovery passphrase',
    replace: 'Change the recovery passphrase',
    replaceHint: 'A new passphrase makes a new key for future backups; earlier backups open with the passphrase in force when they were made.',
    saved: 'Passphrase saved. New key fingerprint:',
    backupToFolder: 'Encrypted backup to a folder…',
    backupToFolderHint: 'Choosing a folder works in the desktop app; from the command line: npm run cli -- backup --to <folder>',
    backedUp: 'Encrypted backup written and verified: {{file}} — {{beneficiaries}} beneficiaries.',
    restoreHint: 'To restore an encrypted backup (app closed): npm run cli -- restore <file>, then type the passphrase.',
  },
  export: {
    protect: 'Encrypt with a password (AES-256 ZIP file)',
    password: 'File password',
    confirm: 'Confirm the password',
    help: 'Open it with 7-Zip, WinRAR or PeaZip and the password (Windows Explorer alone cannot open this encryption). Digits in the password are stored as Latin digits (0-9): type them so when opening the file. Send the password by another way than the file, e.g. by phone.',
    fix: 'Correct the password before exporting.',
  },
};
