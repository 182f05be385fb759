-- End-to-end test of `skaidri lsp` in a real Neovim (run headless by tests/nvim_e2e.rs).
--
-- Opens a Latvian Markdown file, waits for skaidri's diagnostics, checks their columns
-- against the buffer text (Neovim converts the server's UTF-16 or UTF-8 positions to byte
-- columns), shows hover and the readability code lens, applies two code actions through
-- Neovim's own code-action flow, and checks the resulting buffer text.
--
-- Works with Neovim 0.7 (Debian bookworm) and later: only APIs present since 0.7 are used.
-- Every wait polls with a deadline (vim.wait); the script ends Neovim with exit code 0 on
-- success and 1 on failure, writing what happened to $SKAIDRI_RESULT.

local bin = assert(os.getenv('SKAIDRI_BIN'), 'SKAIDRI_BIN not set')
local file = assert(os.getenv('SKAIDRI_FILE'), 'SKAIDRI_FILE not set')
local result_path = assert(os.getenv('SKAIDRI_RESULT'), 'SKAIDRI_RESULT not set')
local WAIT = 10000

local log = {}
local function note(fmt, ...)
  table.insert(log, string.format(fmt, ...))
end

local function finish(ok, err)
  if not ok then
    note('FAIL: %s', tostring(err))
  else
    note('OK')
  end
  local f = io.open(result_path, 'w')
  f:write(table.concat(log, '\n'), '\n')
  f:close()
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function check(cond, fmt, ...)
  if not cond then
    error(string.format(fmt, ...), 2)
  end
end

local function diagnostics(bufnr)
  return vim.diagnostic.get(bufnr)
end

local function find_diag(bufnr, code)
  for _, d in ipairs(diagnostics(bufnr)) do
    local c = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if c == code then
      return d
    end
  end
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

-- Picks the code action whose title contains `want` through Neovim's own UI hook.
local function apply_code_action(bufnr, client, line, col, want)
  local picked
  local orig_select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      if title:find(want, 1, true) then
        picked = title
        on_choice(item, i)
        return
      end
    end
    on_choice(nil, nil)
  end
  vim.api.nvim_win_set_cursor(0, { line + 1, col })
  vim.lsp.buf.code_action()
  local ok = vim.wait(WAIT, function()
    return picked ~= nil
  end, 20)
  vim.ui.select = orig_select
  check(ok, 'no code action titled %q was offered', want)
  note('applied code action: %s', picked)
end

local function run()
  local dir = vim.fn.fnamemodify(file, ':h')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'

  local client_id = vim.lsp.start_client({
    name = 'skaidri',
    cmd = { bin, 'lsp' },
    root_dir = dir,
    init_options = { debounceMs = 50 },
  })
  check(client_id, 'could not start skaidri lsp')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client
  check(vim.wait(WAIT, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 20), 'client did not initialize')
  note('offset encoding: %s', client.offset_encoding)

  -- 1. Diagnostics arrive, at the right columns.
  check(vim.wait(WAIT, function()
    return find_diag(bufnr, 'OF001') ~= nil and find_diag(bufnr, 'BA002') ~= nil
  end, 20), 'no OF001/BA002 diagnostics; got %s', vim.inspect(diagnostics(bufnr)))
  local all = diagnostics(bufnr)
  note('diagnostics: %d', #all)
  local of = find_diag(bufnr, 'OF001')
  check(of.source == 'skaidri', 'source is %s', tostring(of.source))
  local line = vim.api.nvim_buf_get_lines(bufnr, of.lnum, of.lnum + 1, false)[1]
  local got = line:sub(of.col + 1, of.end_col)
  check(got == 'Sakarā ar', 'OF001 covers %q (line %d, bytes %d-%d)', got, of.lnum, of.col, of.end_col)
  note('OF001 at line %d bytes %d-%d: %s', of.lnum, of.col, of.end_col, got)
  -- The rule id links to its documentation; with no public repository, a page the
  -- server wrote into the cache folder (XDG_CACHE_HOME, a temp dir here).
  local cd = of.user_data and of.user_data.lsp and of.user_data.lsp.codeDescription
  check(cd and cd.href, 'OF001 has no codeDescription: %s', vim.inspect(of.user_data))
  if cd.href:find('^file://') then
    local f = io.open(vim.uri_to_fname(cd.href), 'r')
    check(f, 'the linked page %s does not exist', cd.href)
    local page = f:read('*a')
    f:close()
    check(page:find('Kāpēc tas ir svarīgi', 1, true), 'the page lacks the explanation:\n%s', page)
  end
  note('OF001 links to %s', cd.href)
  -- Every finding whose message quotes the matched text «…» sits exactly on that text.
  local verified = 0
  for _, d in ipairs(all) do
    local quoted = d.message:match('«(.-)»')
    if quoted and d.lnum == d.end_lnum then
      local l = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
      if l:sub(d.col + 1, d.end_col) == quoted then
        verified = verified + 1
      end
    end
  end
  check(verified >= 3, 'only %d diagnostics sit on the text they quote', verified)
  note('diagnostics on their quoted text: %d', verified)

  -- 2. Hover shows the rule's explanation.
  vim.api.nvim_win_set_cursor(0, { of.lnum + 1, of.col })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, WAIT)
  local value = hover and hover[client_id] and hover[client_id].result
    and hover[client_id].result.contents.value
  check(value and value:find('Kāpēc tas ir svarīgi', 1, true), 'hover: %s', vim.inspect(hover))
  check(value:find('OF001', 1, true), 'hover lacks the rule id: %s', value)
  note('hover: %s', value:match('^[^\n]*'))

  -- 3. The readability lens.
  vim.lsp.codelens.refresh()
  check(vim.wait(WAIT, function()
    local lenses = vim.lsp.codelens.get(bufnr)
    return lenses and #lenses > 0 and lenses[1].command ~= nil
  end, 20), 'no code lens')
  local lens = vim.lsp.codelens.get(bufnr)[1]
  check(lens.command.title:find('^LIX %d'), 'lens title %q', lens.command.title)
  note('code lens: %s', lens.command.title)

  -- 4. A quick fix replaces "uz doto brīdi" with "pašlaik".
  local ba = find_diag(bufnr, 'BA002')
  apply_code_action(bufnr, client, ba.lnum, ba.col, 'ar «pašlaik»')
  check(vim.wait(WAIT, function()
    return buffer_text(bufnr):find('remontu pašlaik birojs', 1, true) ~= nil
  end, 20), 'text after the fix: %s', buffer_text(bufnr))
  -- The server sees the edit and drops the finding.
  check(vim.wait(WAIT, function()
    return find_diag(bufnr, 'BA002') == nil and find_diag(bufnr, 'OF001') ~= nil
  end, 20), 'BA002 still reported after the fix')

  -- 5. "Ignore this rule here" inserts a suppression comment, and OF001 goes away.
  of = find_diag(bufnr, 'OF001')
  apply_code_action(bufnr, client, of.lnum, of.col, 'Ignorēt OF001')
  check(vim.wait(WAIT, function()
    return find_diag(bufnr, 'OF001') == nil
  end, 20), 'OF001 still reported after the ignore comment')

  local text = buffer_text(bufnr)
  local want_start = '# Paziņojums iedzīvotājiem 📢\n\n'
    .. '<!-- skaidri-disable-next-line OF001 -->\n'
    .. 'Labdien 👋! Sakarā ar remontu pašlaik birojs ir slēgts.\n'
  check(text:sub(1, #want_start) == want_start, 'buffer text:\n%s', text)
  note('buffer starts:\n%s', want_start)
end

local ok, err = xpcall(run, debug.traceback)
finish(ok, err)
