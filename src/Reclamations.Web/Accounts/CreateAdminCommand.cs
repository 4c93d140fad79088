using Microsoft.AspNetCore.Identity;

namespace Reclamations.Web.Accounts;

/// <summary><c>dotnet run --project src/Reclamations.Web -- create-admin EMAIL</c>: creates the first administrator outside
/// Development (no demo user exists there). The password comes from <c>RECLAMATIONS_ADMIN_PASSWORD</c> or is asked.</summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "RECLAMATIONS_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        if (args.Count < 2 || !args[1].Contains('@'))
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} EMAIL (password from {PasswordVariable} or asked)");
            return 2;
        }
        var email = args[1];
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? AskPassword();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"A user {email} already exists.");
            return 1;
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, JobTitle = "Administrateur" };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Administrator {email} created; two-factor sign-in will be required at first sign-in.");
        return 0;
    }

    private static string AskPassword()
    {
        Console.Write("Password: ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
